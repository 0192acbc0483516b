"""The instance's corpus index is kept on disk by the hash of its entries and read back by the
next process, instead of being built again."""

from pathlib import Path

from accord.store import queries
from accord.store.checker_index import cache_dir, entries_key
from accord.store.queries import corpus as corpus_queries


def test_a_restarted_process_reads_the_index_back(corpus, settings, tmp_path, monkeypatch):
    settings.ACCORD_CHECKER_CACHE = str(tmp_path)
    corpus_queries._cache.clear()
    built = queries.corpus_index()
    stored = Path(tmp_path) / f"{entries_key(queries.corpus_entries())}.v2.index"
    assert stored.exists()
    # A new process: nothing in memory, and building is not allowed.
    corpus_queries._cache.clear()

    def no_build(entries):
        raise AssertionError("the index was built again")

    monkeypatch.setattr(corpus_queries, "build_index", no_build)
    loaded = queries.corpus_index()
    assert loaded is not built
    assert list(loaded.entries) == list(built.entries)
    assert (
        queries.check_text(
            "States shall settle disputes arising from the use of ICTs by peaceful means."
        )
        .findings[0]
        .source.provision
        == "C5"
    )


def test_the_cache_lives_in_the_data_dir_unless_told(settings, tmp_path):
    settings.ACCORD_CHECKER_CACHE = None
    settings.DATA_DIR = tmp_path
    assert cache_dir() == tmp_path / "cache" / "checker-index"
