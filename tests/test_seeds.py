from __future__ import annotations

from pathlib import Path

import pytest

from packet.model import Project

SHARED = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.mark.skipif(
    not SHARED.is_dir(), reason="the shared seed folder sits beside the checkout in CI"
)
def test_seeds_are_byte_identical_to_the_documents_received(repo_project: Project) -> None:
    received = sorted(SHARED.glob("*.txt"))
    assert received
    for original in received:
        assert (repo_project.root / "seeds" / original.name).read_bytes() == original.read_bytes()


def test_every_seed_has_a_record_and_no_url_or_date_is_invented(repo_project: Project) -> None:
    assert sorted(s.path.name for s in repo_project.seeds.values()) == sorted(
        p.name for p in (repo_project.root / "seeds").glob("*.txt")
    )
    encyclopedia = repo_project.seeds["encyclopedia"].meta
    assert encyclopedia.date is None and encyclopedia.author is None
    assert encyclopedia.website is not None and encyclopedia.website.attributed
    web = repo_project.seeds["highlights"].meta
    assert web.date is not None and web.date.as_written == "Updated Jun. 24, 2021"
    for seed in repo_project.seeds.values():
        assert "http" not in seed.src.origin.path
        assert not any("http" in str(v) for v in seed.src.data.values())
