#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Crowdfund in French, Japanese and Arabic, read through the accessibility tree
as a screen reader would: the views' names, a card spoken with its figures,
and a campaign's reward in the language's words and the locale's money; and the
guide, opened without a help browser, in the language."""

import os
import sys

from a11y import (Atspi, NotReached, Report, application, click, find, labels, named, new_home, on_screen, problems,
                  shortcut, start_app, wait_for, walk)

LANGUAGES = {
    "fr": {
        "locale": "fr_FR.UTF-8",
        "views": ["Explorer", "Suivies", "Contributions"],
        "search": "Rechercher des campagnes",
        "card": ("Lumen: a desk lamp", "financée à"),
        "reward": "Contribution de 89\u00a0€ ou plus",
    },
    "ja": {
        "locale": "ja_JP.UTF-8",
        "views": ["見つける", "フォロー中", "支援"],
        "search": "キャンペーンを検索",
        "card": ("Lumen: a desk lamp", "達成率"),
        "reward": "€89 以上の支援",
    },
    # Arabic-Indic digits, the amount isolated in its sentence.
    "ar": {
        "locale": "ar_EG.UTF-8",
        "views": ["استكشاف", "المتابَعة", "المساهمات"],
        "search": "ابحث في الحملات",
        "card": ("Lumen: a desk lamp", "مُموَّلة بنسبة"),
        "reward": "ساهم بمبلغ \u2068\u200f٨٩\u00a0€\u2069 أو أكثر",
    },
}


F1 = 67


def fake_web_browser(home):
    """A web browser for the session, that notes the address it is given in
    home/opened: the default for web pages, as the desktop would have one."""
    applications = os.path.join(home, "applications")
    os.makedirs(applications, exist_ok=True)
    opened = os.path.join(home, "opened")
    script = os.path.join(home, "browser")
    with open(script, "w") as out:
        out.write(f"#!/bin/sh\nprintf '%s' \"$1\" > '{opened}.part' && mv '{opened}.part' '{opened}'\n")
    os.chmod(script, 0o755)
    with open(os.path.join(applications, "fake-browser.desktop"), "w") as out:
        out.write(f"[Desktop Entry]\nType=Application\nName=Browser\nExec={script} %u\nMimeType=text/html;\n")
    with open(os.path.join(home, "mimeapps.list"), "w") as out:
        out.write("[Default Applications]\ntext/html=fake-browser.desktop\n")
    return opened


def read_opened(opened):
    try:
        with open(opened) as answer:
            return answer.read()
    except FileNotFoundError:
        return None


def main():
    report = Report(7 * len(LANGUAGES))
    check = report.check
    for language, expected in LANGUAGES.items():
        env = {"LANGUAGE": language, "LC_ALL": expected["locale"],
               "CROWDFUND_LOCALEDIR": os.environ["CROWDFUND_LOCALEDIR"]}
        home = new_home()
        opened = fake_web_browser(home)
        app_process = start_app(["--demo"], home, env)
        try:
            app = wait_for("the app on the accessibility bus", application)
            tabs = wait_for("the views", lambda: {n.get_name() for n in walk_tabs(app)} or None)
            check(f"{language}: the views are named in the language", set(expected["views"]) <= tabs, str(tabs))

            search = wait_for("the search field", lambda: find(app, lambda n: n.get_role() == Atspi.Role.ENTRY
                                                               and n.get_name() == expected["search"]))
            check(f"{language}: the search field is labelled in the language", search is not None)
            wait_for("the first page", lambda: find(app, named("wena wrist")))
            found = problems(app)
            check(f"{language}: Explore is heard for what it is", not found, "; ".join(found))
            search.get_editable_text_iface().insert_text(0, "Lumen", len("Lumen"))
            title, figures = expected["card"]
            # Once the grid holds the search's answer: a card clicked before moves away.
            card = wait_for("the card", lambda: not find(app, named("wena wrist"))
                            and find(app, lambda n: heard(n).startswith(title) and on_screen(n)))
            check(f"{language}: a card is spoken with its figures in the language", figures in card.get_name(),
                  card.get_name())

            click(card)
            shown = wait_for("the rewards", lambda: labels(app) if expected["reward"] in labels(app) else None)
            check(f"{language}: a reward reads in the language and the locale's money", shown,
                  str(sorted(t for t in labels(app) if t and ("89" in t or "٨٩" in t))))
            found = problems(app)
            check(f"{language}: the campaign is heard for what it is", not found, "; ".join(found))

            # No help browser here: F1 opens the guide's web pages in the language.
            shortcut(F1)
            guide = wait_for("the guide in the web browser", lambda: read_opened(opened))
            check(f"{language}: without a help browser, the guide opens in the language",
                  guide.endswith(f"/html-{language}/index.html"), guide)
        except NotReached as error:
            check(f"{language}: waiting for {error}", False)
        finally:
            app_process.terminate()
            app_process.wait()

    return report.finish()


def heard(node):
    """A node's name as it starts for the ear: a sentence that begins with a
    title starts, in Arabic, with the marks setting its direction and
    isolating the title (U+200F, U+2068), which are not heard."""
    return (node.get_name() or "").lstrip("\u200f\u2068")


def walk_tabs(app):
    return [n for n in walk(app) if n.get_role() == Atspi.Role.PAGE_TAB]


if __name__ == "__main__":
    sys.exit(main())
