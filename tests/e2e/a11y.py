# SPDX-License-Identifier: GPL-3.0-or-later
"""Reading and driving Crowdfund through the accessibility tree, as a screen
reader or a person with a keyboard would, for the end-to-end tests."""

import os
import re
import signal
import subprocess
import sys
import tempfile
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

# The app last started, and what the test waits for in it now.
_app = None
_awaited = None


class NotReached(Exception):
    """The app ended before what a test waited for came."""


def _say_what_was_awaited(signum, frame):
    # The test runner's own time limit ends a test that waits for something
    # that never comes: the log then says what that was.
    print(f"# stopped while waiting for {_awaited or 'nothing'}")
    sys.stdout.flush()
    sys.exit(1)


signal.signal(signal.SIGTERM, _say_what_was_awaited)


def walk(node, depth=0):
    """Every node under node; parts of the tree that vanish while they are
    being read (a grid refilling after a search) are skipped."""
    if node is None or depth > 60:
        return
    yield node
    try:
        children = [node.get_child_at_index(i) for i in range(node.get_child_count())]
    except GLib.Error:
        return
    for child in children:
        yield from walk(child, depth + 1)


def find(root, predicate):
    for node in walk(root):
        try:
            if predicate(node):
                return node
        except Exception:
            continue
    return None


def wait_for(what, function):
    """What function returns once it is true, read again each time the tree
    may have changed. There is no time limit of its own: a machine that is
    busy is slow, not wrong; an app that ended is."""
    global _awaited
    _awaited = what
    while True:
        result = function()
        if result:
            _awaited = None
            return result
        if _app is not None and _app.poll() is not None:
            raise NotReached(f"{what}: the app ended with status {_app.returncode}")
        time.sleep(0.1)


def application():
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        if app is not None and app.get_name() == "crowdfund":
            return app
    return None


def named(prefix):
    return lambda node: (node.get_name() or "").startswith(prefix)


def click(node):
    extents = node.get_extents(Atspi.CoordType.WINDOW)
    Atspi.generate_mouse_event(extents.x + extents.width // 2, extents.y + extents.height // 3, "b1c")


def still(node):
    """A condition for wait_for: @node once two reads of where it is agree,
    a tenth of a second apart, so that a click aimed at it lands on it while
    its window grows or shrinks."""
    last = []

    def in_place():
        extents = node.get_extents(Atspi.CoordType.WINDOW)
        place = (extents.x, extents.y, extents.width, extents.height)
        agreed = last and last[-1] == place and extents.width > 0
        last.append(place)
        return node if agreed else None
    return in_place


def labels(root):
    texts = set()
    for node in walk(root):
        try:
            if node.get_role() == Atspi.Role.LABEL:
                texts.add(node.get_name())
        except GLib.Error:
            continue
    return texts


def showing(node):
    return node.get_state_set().contains(Atspi.StateType.SHOWING)


def press(node):
    """Activates a button, check box or row the way Enter or Space would."""
    node.get_action_iface().do_action(0)


CONTROL, ALT, COMMA, ESCAPE, LEFT, Q, RETURN = 37, 64, 59, 9, 113, 24, 36


def shortcut(*keycodes):
    """Presses keys together, as for Ctrl+Q: modifiers first."""
    for code in keycodes[:-1]:
        Atspi.generate_keyboard_event(code, None, Atspi.KeySynthType.PRESS)
    Atspi.generate_keyboard_event(keycodes[-1], None, Atspi.KeySynthType.PRESSRELEASE)
    for code in reversed(keycodes[:-1]):
        Atspi.generate_keyboard_event(code, None, Atspi.KeySynthType.RELEASE)


def frame(app, title):
    return find(app, lambda n: n.get_role() == Atspi.Role.FRAME and n.get_name() == title)


def button(root, prefix):
    """The button whose name starts with prefix, mnemonic or not."""
    return find(root, lambda n: n.get_role() == Atspi.Role.PUSH_BUTTON
                and (n.get_name() or "").replace("_", "").startswith(prefix))


def on_screen(node):
    extents = node.get_extents(Atspi.CoordType.WINDOW)
    return extents.width > 0 and extents.height > 0


def named_button(root, name):
    return find(root, lambda n: n.get_role() == Atspi.Role.PUSH_BUTTON and n.get_name() == name)


def sensitive(node):
    return node if node is not None and node.get_state_set().contains(Atspi.StateType.SENSITIVE) else None


def type_into(root, name, text):
    field = wait_for(f"the {name} field", lambda: find(root, lambda n: n.get_role() == Atspi.Role.TEXT
                                                        and n.get_name() == name))
    field.get_editable_text_iface().insert_text(0, text, len(text.encode()))


def sign_in(username, password, name):
    """Signs in from Preferences (Ctrl+,) and closes them; True once the account's name shows.
    Returns once Preferences are gone, so that the next keys reach the main window."""
    shortcut(CONTROL, COMMA)
    preferences = wait_for("Preferences", lambda: frame(application(), "Preferences"))
    type_into(preferences, "Username", username)
    type_into(preferences, "Password", password)
    press(wait_for("Sign In", lambda: sensitive(button(preferences, "Sign In"))))
    signed_in = wait_for("the account in Preferences", lambda: name in labels(preferences))
    shortcut(ESCAPE)
    wait_for("Preferences to close", lambda: frame(application(), "Preferences") is None)
    return signed_in


def start_app(arguments, home, extra_env=None):
    """Starts Crowdfund once the accessibility bus and its registry answer,
    so that the app finds them when it starts rather than starting them."""
    global _app
    Atspi.init()
    # A call answered by the registry: the bus and the registry are running.
    Atspi.get_desktop(0).get_child_count()
    env = dict(os.environ, XDG_CACHE_HOME=home, XDG_CONFIG_HOME=home, XDG_DATA_HOME=home,
               GTK_A11Y="atspi", **(extra_env or {}))
    env.setdefault("GSETTINGS_BACKEND", "memory")
    env.pop("NO_AT_BRIDGE", None)
    _app = subprocess.Popen([os.environ["CROWDFUND_APP"]] + arguments, env=env)
    return _app


def new_home():
    return tempfile.mkdtemp(prefix="crowdfund-e2e-")


def keyring_environment(home, **more):
    """The app's environment with its secrets in a file keyring in home and
    its settings in a key file, both kept from one start to the next."""
    return dict({"GSETTINGS_BACKEND": "keyfile", "SECRET_BACKEND": "file",
                 "SECRET_FILE_TEST_PATH": os.path.join(home, "keyring"),
                 "SECRET_FILE_TEST_PASSWORD": "crowdfund-e2e-keyring"}, **more)


class Report:
    """TAP lines, one a check."""

    def __init__(self, planned):
        self.planned = planned
        self.results = []
        print(f"1..{planned}")

    def check(self, name, condition, detail=""):
        self.results.append(bool(condition))
        suffix = f" # {detail}" if detail and not condition else ""
        print(("ok" if condition else "not ok") + f" {len(self.results)} - {name}" + suffix)
        sys.stdout.flush()

    def finish(self):
        while len(self.results) < self.planned:
            self.check("skipped after a failure", False)
        return 0 if all(self.results) else 1


# What a screen reader would stumble on, shared by the walks in every language.
CLASS_NAME = re.compile(r"^(Gtk|Adw|Cf)[A-Z][A-Za-z]*$")
OUR_CLASS_NAME = re.compile(r"^Cf[A-Z][A-Za-z]*$")
SAID_TWICE = re.compile(r"^(.+?)\s+\1$")
MNEMONIC = re.compile(r"(^|\s)_[^\s_]")
# Layout that screen readers pass over: GTK 4.8 names such boxes after
# their class, libadwaita's own among them, but nobody hears them.
LAYOUT_ROLES = {Atspi.Role.PANEL, Atspi.Role.FILLER}
# Parts GTK 4.8 and libadwaita make inside their widgets and name after
# their class, out of an application's reach, that take no focus: a grid's
# cells, a scrolled window's bars, the view switcher's tab list. Lists,
# boxed or not, and the view switcher's icons are the app's to name or hide.
TOOLKIT_PARTS = LAYOUT_ROLES | {Atspi.Role.TABLE, Atspi.Role.TABLE_CELL, Atspi.Role.SCROLL_BAR,
                                Atspi.Role.PAGE_TAB_LIST}
# Containers that take the focus only to pass it on, as GTK makes them.
UNNAMED_FOCUS_ROLES = LAYOUT_ROLES | {Atspi.Role.FRAME, Atspi.Role.WINDOW, Atspi.Role.DIALOG,
                                      Atspi.Role.SCROLL_PANE, Atspi.Role.VIEWPORT}


def problems(root):
    """What a screen reader would stumble on among the widgets showing."""
    found = []
    for node in walk(root):
        try:
            states = node.get_state_set()
            if not states.contains(Atspi.StateType.VISIBLE) or not on_screen(node):
                continue
            name = node.get_name() or ""
            role = node.get_role()
            role_name = node.get_role_name()
        except GLib.Error:
            continue
        focusable = states.contains(Atspi.StateType.FOCUSABLE)
        if CLASS_NAME.match(name) and (OUR_CLASS_NAME.match(name) or focusable or not toolkit_part(node, role, focusable)):
            # What takes the focus is met by itself, wherever it is drawn.
            found.append(f"a {role_name} named after its class, {name!r}")
        elif SAID_TWICE.match(name):
            found.append(f"a {role_name} said twice, {name!r}")
        elif MNEMONIC.search(name):
            found.append(f"a {role_name} with its mnemonic read aloud, {name!r}")
        elif (not name and focusable and states.contains(Atspi.StateType.SENSITIVE) and role not in UNNAMED_FOCUS_ROLES
              and not toolkit_part(node, role, focusable)):
            found.append(f"a focusable {role_name} without a name")
        elif role == Atspi.Role.LABEL and focusable:
            found.append(f"a text that is a Tab stop, {name[:40]!r}")
    return sorted(set(found))


# Controls whose name covers the parts libadwaita draws inside them: a
# row's expander arrow, an entry row's pencil, the list of a combo row's
# menu.
NAMED_CONTROLS = {Atspi.Role.LIST_ITEM, Atspi.Role.TEXT, Atspi.Role.COMBO_BOX,
                  Atspi.Role.PUSH_BUTTON, Atspi.Role.CHECK_BOX, Atspi.Role.TOGGLE_BUTTON}


def toolkit_part(node, role, focusable):
    """A part GTK or libadwaita makes of its own, which a person does not
    meet by itself: one of TOOLKIT_PARTS that takes no focus, or anything
    inside a named control, a few levels up."""
    if role in TOOLKIT_PARTS and not focusable:
        return True
    ancestor = node.get_parent()
    for _ in range(6):
        if ancestor is None:
            return False
        if ancestor.get_role() in NAMED_CONTROLS and ancestor.get_name():
            return True
        ancestor = ancestor.get_parent()
    return False
