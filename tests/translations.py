"""The test draft (`tests.builders.DRAFT`) in French, Arabic and Chinese, and Word files of
them as a Secretariat would send."""

from datetime import date

from accord.core.draft_text import parse_draft
from accord.documents.model import DocumentMeta
from accord.documents.word_export import clean_docx

FRENCH = """# Rapport du groupe de travail (essai)

## A. Introduction

1. Le groupe de travail a tenu trois sessions de fond et des consultations officieuses.

## B. Règles, normes et principes

2. Les États ne devraient pas mener ni soutenir sciemment d'activités informatiques
contraires aux obligations que leur impose le droit international.

3. Les États devraient, conformément à leur législation nationale, protéger les
infrastructures critiques :
   (a) en désignant des points de contact ;
   (b) en échangeant des informations sur les incidents.

4. Les normes facultatives et non contraignantes complètent l'application du droit
international.
"""

ARABIC = """# تقرير الفريق العامل (اختبار)

## ألف. مقدمة

1. عقد الفريق العامل ثلاث دورات موضوعية وأجرى مشاورات غير رسمية.

## باء. القواعد والمعايير والمبادئ

2. ينبغي للدول ألا تقوم أو تدعم عن علم أي نشاط في مجال تكنولوجيا المعلومات والاتصالات يتعارض مع التزاماتها بموجب القانون الدولي.

3. ينبغي للدول، وفقا لتشريعاتها الوطنية، أن تحمي البنية التحتية الحيوية:
   (a) بتعيين جهات اتصال؛
   (b) بتبادل المعلومات عن الحوادث.

4. تكمل القواعد الطوعية غير الملزمة تطبيق القانون الدولي.
"""

CHINESE = """# 工作组报告（测试）

## A. 导言

1. 工作组举行了三届实质性会议，并进行了非正式磋商。

## B. 规则、规范和原则

2. 各国不应违反其根据国际法承担的义务，开展或故意支持信通技术活动。

3. 各国应根据本国立法保护关键基础设施：
   (a) 指定联络点；
   (b) 分享事件信息。

4. 自愿、非约束性规范是对国际法适用的补充。
"""

RUSSIAN = """# Доклад рабочей группы (испытание)

## A. Введение

1. Рабочая группа провела три основные сессии и неофициальные консультации.

## B. Правила, нормы и принципы

2. Государствам не следует осуществлять или сознательно поддерживать деятельность в сфере
ИКТ, противоречащую их обязательствам по международному праву.

3. Государствам следует в соответствии со своим национальным законодательством защищать
критически важную инфраструктуру:
   (a) назначая контактные пункты;
   (b) обмениваясь информацией об инцидентах.

4. Добровольные и необязательные нормы дополняют применение международного права.
"""


def word_file(text: str, language: str) -> bytes:
    """A Word file of ``text`` (a draft in accord's plain-text form) in ``language``."""
    version = parse_draft(text)
    meta = DocumentMeta(version.title, "Zero draft", date(2026, 3, 1), language=language)
    return clean_docx(meta, version)
