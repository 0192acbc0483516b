"""accord's own date formats, where they differ from Django's for a language.

Pages format dates with Django's named formats (``{{ moment|date:"DATE_FORMAT" }}``), so each
language gets its own order and words (3 December 2026, 3 décembre 2026, ٣ ديسمبر، ٢٠٢٦,
2026年12月3日); English is written the UN's way, day before month, rather than Django's
American "Dec. 3, 2026".
"""
