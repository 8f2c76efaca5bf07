"""Fuzzing the cases, employees, messages and payments operations of the portal API by their
contract (see `test_api_fuzz.py`; what the fuzz files share is in `tests/fuzz_api.py`)."""

from __future__ import annotations

from typing import Any

import schemathesis

from tests.fuzz_api import check_case, fuzz_settings, part


@part("cases").parametrize()
@fuzz_settings()
def test_cases_answer_by_the_contract(case: schemathesis.Case[Any]) -> None:
    check_case(case)
