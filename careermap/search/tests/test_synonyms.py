"""synonyms.yaml: the file is validated with file:line errors, and every entry finds what it means
on the real data (one test per entry)."""

from __future__ import annotations

import pytest

from careermap.search.engine import SearchIndex
from careermap.search.synonyms import SynonymFileError, load_synonyms, parse_synonyms
from careermap.search.tests.test_real_data import real_index

SYNONYMS = load_synonyms()


def problems(source: str) -> list[str]:
    with pytest.raises(SynonymFileError) as caught:
        parse_synonyms(source, path="s.yaml")
    return caught.value.problems


def test_the_file_loads_and_is_not_trivial() -> None:
    assert len(SYNONYMS) >= 40
    assert {
        "realtor",
        "cop",
        "CNA",
        "LPN",
        "vet tech",
        "nail tech",
        "sysadmin",
        "dba",
        "front desk",
        "call center",
    } <= {s.term for s in SYNONYMS}


def test_each_problem_is_reported_with_its_line() -> None:
    source = """\
- term: realtor
  means: Real Estate Sales Agents
- term: cop
- term: Realtor
  means: Real Estate Brokers
- term: nurse
  means: Nurse
- term: vet
  means: Veterinarians
  exact: maybe
- term: dba
  means: Database Administrators
  colour: blue
- just a string
"""
    assert problems(source) == [
        "s.yaml:3: means: the title words it stands for are required",
        "s.yaml:4: term: 'Realtor' is already listed on line 1 (the same words searched)",
        "s.yaml:7: means: the same words as term; nothing to add",
        "s.yaml:10: exact: true or false",
        "s.yaml:13: unknown field colour (allowed: term, means, exact, note)",
        "s.yaml:14: an entry must be a mapping with term and means",
    ]


def test_a_term_searched_the_same_as_another_is_a_duplicate() -> None:
    """Spelled apart, read alike: British spelling, abbreviations and plurals are folded before a
    term is compared, so a second entry cannot count one title twice."""
    source = (
        "- term: call center\n  means: Customer Service Representatives\n"
        "- term: call centres\n  means: Customer Service Representatives\n"
        "- term: acct rep\n  means: Sales Representatives of Services\n"
        "- term: account representative\n  means: Sales Representatives of Services\n"
    )
    assert problems(source) == [
        "s.yaml:3: term: 'call centres' is already listed on line 1 (the same words searched)",
        "s.yaml:7: term: 'account representative' is already listed on line 5 (the same words searched)",
    ]


def test_bad_yaml_and_a_bad_shape_say_where() -> None:
    assert problems("- term: [unclosed\n") == ["s.yaml:2: invalid YAML: expected ',' or ']', but got '<stream end>'"]
    assert problems("term: realtor\n") == ["s.yaml:1: expected a list of entries (- term: …, means: …)"]


def test_a_good_entry_parses() -> None:
    (entry,) = parse_synonyms("- term: youtuber\n  means: Film and Video Editors\n  exact: false\n  note: why\n")
    assert (entry.term, entry.means, entry.exact, entry.line) == ("youtuber", "Film and Video Editors", False, 1)


@pytest.mark.realdata
@pytest.mark.parametrize("synonym", SYNONYMS, ids=[s.term for s in SYNONYMS])
def test_each_entry_finds_what_it_means_on_the_real_data(synonym) -> None:
    index: SearchIndex = real_index()
    assert synonym not in index.unresolved, f"synonyms.yaml:{synonym.line}: {synonym.means!r} names no title"
    owner = index.owner_key.index(index.synonym_owner[synonym.term])
    outcome = index.search_detail(synonym.term, limit=3)
    first = outcome.hits[0]
    covering = {index.owner_key[read] for read in index.read_links.get(owner, [])}
    # the occupation it means, or one of our reads covering that occupation
    assert first.key == index.synonym_owner[synonym.term] or first.key in covering, (synonym.term, first)
    if synonym.exact:
        # a title with the same words already there keeps its own name ("Maids" for maid)
        assert first.matched_kind in {"synonym", "title", "alternate title"}
    else:
        assert first.matched_kind == "closest (synonym)"
    assert outcome.exact is synonym.exact
