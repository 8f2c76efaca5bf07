"""English texts of starting an application prefilled from the register. Every key here
exists in prefill_nl.py too."""

EN: dict[str, str] = {
    "prefill.key.employee": "For an employee",
    "prefill.key.no_employee": "No employee",
    "prefill.new.none": "e: for a registered employee, filled in from the register",
    "prefill.new.chosen": "For {name} (V {v_number}), filled in from the register "
                          "· e other · x none",
    "prefill.pick.title": "Employee from the register",
    "prefill.pick.prompt": "Type part of a name or V-number; ↑/↓ choose, Enter takes, Esc "
                           "cancels.",
    "prefill.pick.loading": "Asking the portal for the register…",
    "prefill.pick.failed": "The register could not be loaded. Esc goes back.",
    "prefill.pick.none": "No registered employee matches.",
    "prefill.pick.count": "{shown} of {total} registered employees:",
    "prefill.pick.permit": "permit until {date}",
    "prefill.pick.window": "extension possible",
    "prefill.types.title": "New application for {name}",
    "prefill.types.keys": "↑/↓ choose · Enter starts, filled in from the register · Esc "
                          "cancels",
    "prefill.types.none": "No application this account may file is about {name} "
                          "themselves.",
    "prefill.deregistered": "{name} is deregistered: there is no application to start "
                            "for them.",
    "prefill.created.one": "Draft started: {name} · {n} answer filled in (↺)",
    "prefill.created.other": "Draft started: {name} · {n} answers filled in (↺)",
    "prefill.mark.register": "from register",
    "prefill.mark.case": "from case {zaak}",
    "prefill.field_help": "↺ Filled in {origin}: check it. Change it and the mark goes.",
    "prefill.docs.key.reuse": "Use earlier",
    "prefill.docs.pages.one": "{n} page",
    "prefill.docs.pages.other": "{n} pages",
    "prefill.docs.offer": "p: use {name} ({pages}) from case {zaak}",
    "prefill.docs.reused": "Attached {name}, the document of case {zaak}.",
}
