"""JSON Lines: one finding a line, the same object as in the JSON report's ``findings``.

For tools that stream (grep, jq -c, log shippers): no envelope, no documents,
no summary; an empty report is an empty output.
"""
from __future__ import annotations

import json

from hklint.model import Report
# the JSON report's finding object, so that both formats stay one contract
from hklint.report.json import _finding


def render(report: Report) -> str:
    documents = {d.path: d for d in report.documents}
    return "".join(
        json.dumps(_finding(f, documents), ensure_ascii=False, allow_nan=False) + "\n"
        for f in report.findings
    )
