"""The table contract: pipeline tables are checked strictly, hand-built ones are filled."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import Analysis
from analysis.errors import SchemaError
from analysis.schema import TABLES, conform


def _tables_without(table: str, column: str) -> dict[str, pd.DataFrame]:
    tables = {name: pd.DataFrame(columns=list(spec)) for name, spec in TABLES.items()}
    row = {c: ("a1" if c == "article_id" else 0) for c in TABLES[table] if c != column}
    tables[table] = pd.DataFrame([row])
    return tables


@pytest.mark.parametrize("table", list(TABLES))
def test_strict_tables_name_the_missing_column(table):
    column = next(c for c in TABLES[table] if c != "article_id")
    with pytest.raises(SchemaError, match=rf"{table!r} table without the contract column\(s\) {column}"):
        Analysis(_tables_without(table, column), {"a1": "text"}, strict=True)


def test_hand_built_tables_are_filled():
    result = Analysis(_tables_without("claims", "hedged"), {"a1": "text"})
    assert result.claims["hedged"].tolist() == [False]
    assert list(result.claims.columns[: len(TABLES["claims"])]) == list(TABLES["claims"])


def test_strict_accepts_an_empty_table_without_columns():
    # an article with no entities yields an empty list of rows: nothing is missing
    frame = conform("entities", pd.DataFrame(), strict=True)
    assert list(frame.columns) == list(TABLES["entities"]) and frame.empty


def test_the_pipeline_checks_its_tables_strictly(monkeypatch):
    import analysis.numbers

    real = analysis.numbers.find_numbers

    def without_unit(doc):
        return [{k: v for k, v in row.items() if k != "unit"} for row in real(doc)]

    monkeypatch.setattr(analysis.numbers, "find_numbers", without_unit)
    with pytest.raises(SchemaError, match=r"'numbers' table without the contract column\(s\) unit"):
        analysis.analyze_text("Officials said 40 people were hurt in the blast.", source="x")
