"""`ind-tui forms show TYPE`: the fields and document slots of an application type, so a
script knows which keys to write in `drafts new --answers` and which slots `--attach` takes.
Offline: the definitions ship with ind-tui."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ind_tui.cli import EXIT_OK, BadInput
from ind_tui.cli.session import _lang
from ind_tui.domain.forms.schema import FormDef, form_ids, load_form
from ind_tui.i18n import t, text


def register(sub: Any) -> None:
    forms = sub.add_parser("forms", help=t("cli.help.forms.forms"))
    cmds = forms.add_subparsers(dest="forms_command", metavar="ACTION", required=True)
    show = cmds.add_parser("show", help=t("cli.help.forms.show"))
    show.add_argument("form_id", metavar="TYPE", help=t("cli.help.forms.form_id"))
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.set_defaults(handler=_show)


def form_json(form: FormDef, lang: str) -> dict[str, Any]:
    """`required` is the field's own rule; `when` (if any) says when the field applies."""
    return {
        "type": form.id, "version": form.version, "title": form.title.get(lang),
        "fields": [{"key": f.id, "type": f.type, "required": f.required,
                    "label": f.label.get(lang), "help": f.help.get(lang),
                    "choices": [c.value for c in f.choices] or None,
                    "when": f.when, "example": f.example} for f in form.fields],
        "documents": [{"slot": s.id, "required": s.required, "uploadable": s.uploadable,
                       "label": s.label.get(lang), "help": s.help.get(lang), "when": s.when}
                      for s in form.documents],
    }  # fmt: skip


def _show(args: argparse.Namespace) -> int:
    lang = _lang(args)
    if args.form_id not in form_ids():
        raise BadInput(text("cli.drafts.unknown_type", lang, type=args.form_id,
                            types=", ".join(form_ids())))
    data = form_json(load_form(args.form_id), lang)
    if args.format == "json":
        sys.stdout.write(json.dumps(data, indent=1, ensure_ascii=False) + "\n")
        return EXIT_OK
    out = sys.stdout
    out.write(f"{data['type']} v{data['version']}: {data['title']}\n\n")
    for f in data["fields"]:
        need = text("cli.forms.required" if f["required"] else "cli.forms.optional", lang)
        cond = " " + text("cli.forms.conditional", lang) if f["when"] else ""
        choices = f" [{' | '.join(f['choices'])}]" if f["choices"] else ""
        out.write(f"{f['key']}  ({f['type']}, {need}{cond}){choices}\n    {f['help']}\n")
    out.write("\n")
    for s in data["documents"]:
        need = text("cli.forms.required" if s["required"] else "cli.forms.optional", lang)
        if not s["uploadable"]:
            need = text("cli.forms.not_uploadable", lang)
        cond = " " + text("cli.forms.conditional", lang) if s["when"] else ""
        out.write(f"{text('cli.forms.slot', lang)} {s['slot']}  ({need}{cond})\n    {s['help']}\n")
    return EXIT_OK
