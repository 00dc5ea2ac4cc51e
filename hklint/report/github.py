"""GitHub Actions workflow commands: one annotation per finding, at its primary claim.

``::warning file=docs/a.md,line=5,col=21,endColumn=23,title=HK201 superseded-figure::message``.
The message escapes ``%``, CR and LF; property values escape those and also
``,`` and ``:``, exactly as the Actions toolkit does, so that a path or a
quote can never end a property or the command early. The other cited
claims, and the reason, follow in the message on their own lines.
"""
from __future__ import annotations

from hklint.model import Claim, Finding, Report, Severity

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report) -> str:
    return "".join(command(f) + "\n" for f in report.findings)


def command(finding: Finding) -> str:
    primary = finding.primary
    props = {
        "file": primary.path,
        "line": str(primary.span.line),
        "col": str(primary.span.column),
    }
    if "\n" not in primary.text and "\r" not in primary.text:
        props["endColumn"] = str(primary.span.column + len(primary.text))
    props["title"] = f"{finding.code} {finding.check}"
    properties = ",".join(f"{key}={escape_property(value)}" for key, value in props.items())
    return f"::{COMMANDS[Severity(finding.severity)]} {properties}::{escape_data(_message(finding))}"


def _message(finding: Finding) -> str:
    lines = [finding.message]
    lines.extend(f"see also {_where(c)}" for c in finding.claims[1:])
    if finding.reason:
        lines.append(f"why: {finding.reason}")
    return "\n".join(lines)


def _where(claim: Claim) -> str:
    return f'{claim.path}:{claim.span.line}:{claim.span.column} "{claim.text}"'
