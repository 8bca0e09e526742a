# SPDX-License-Identifier: GPL-3.0-or-later
"""Reading a GraphQL schema (SDL) and checking documents against it.

Enough of the GraphQL grammar to read a published schema and the queries
an adapter sends: every selected field must exist on its type, every
argument on its field, every required argument be given, every variable
be declared with a type the schema has, and a field returning an object
must select something while a scalar must not, and no deprecated field
may be asked for.
"""

import re

TOKEN = re.compile(r'''
    (?P<ignored>[\s,\ufeff]+|\#[^\n]*)
  | (?P<block>"""(?:\\"""|[^"]|"(?!""))*""")
  | (?P<string>"(?:\\.|[^"\\\n])*")
  | (?P<spread>\.\.\.)
  | (?P<number>-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)
  | (?P<name>[_A-Za-z][_0-9A-Za-z]*)
  | (?P<punct>[!$&()\[\]{}:=@|])
''', re.VERBOSE)

SCALARS = {'String', 'Int', 'Float', 'Boolean', 'ID'}


class GraphQLError(Exception):
    pass


def tokenize(text):
    tokens = []
    position = 0
    while position < len(text):
        match = TOKEN.match(text, position)
        if match is None:
            raise GraphQLError(f'unexpected character {text[position]!r} at {position}')
        position = match.end()
        kind = match.lastgroup
        if kind != 'ignored':
            tokens.append((kind, match.group()))
    tokens.append(('end', ''))
    return tokens


class Parser:
    def __init__(self, text):
        self.tokens = tokenize(text)
        self.index = 0

    def peek(self, offset=0):
        return self.tokens[self.index + offset]

    def next(self):
        token = self.tokens[self.index]
        self.index += 1
        return token

    def accept(self, value):
        if self.peek()[1] == value and self.peek()[0] in ('punct', 'spread', 'name'):
            self.index += 1
            return True
        return False

    def expect(self, value):
        if not self.accept(value):
            raise GraphQLError(f'expected {value!r}, found {self.peek()[1]!r}')

    def name(self):
        kind, value = self.next()
        if kind != 'name':
            raise GraphQLError(f'expected a name, found {value!r}')
        return value

    def description(self):
        if self.peek()[0] in ('block', 'string'):
            self.next()

    def type_ref(self):
        """A type as written: ('list', inner, non_null) or ('named', name, non_null)."""
        if self.accept('['):
            inner = self.type_ref()
            self.expect(']')
            return ('list', inner, self.accept('!'))
        return ('named', self.name(), self.accept('!'))

    def value(self):
        kind, text = self.next()
        if text == '[':
            items = []
            while not self.accept(']'):
                items.append(self.value())
            return ('list', items)
        if text == '{':
            fields = {}
            while not self.accept('}'):
                key = self.name()
                self.expect(':')
                fields[key] = self.value()
            return ('object', fields)
        if text == '$':
            return ('variable', self.name())
        if kind in ('string', 'block'):
            return ('string', text)
        if kind == 'number':
            return ('number', text)
        if kind == 'name':
            if text in ('true', 'false'):
                return ('boolean', text)
            if text == 'null':
                return ('null', text)
            return ('enum', text)
        raise GraphQLError(f'unexpected {text!r} in a value')

    def directives(self):
        """The names of the directives that follow."""
        names = []
        while self.accept('@'):
            names.append(self.name())
            if self.accept('('):
                while not self.accept(')'):
                    self.name()
                    self.expect(':')
                    self.value()
        return names


def named_type(ref):
    while ref[0] == 'list':
        ref = ref[1]
    return ref[1]


class Schema:
    """Types by name: each a dict with 'kind', and 'fields' (name →
    (arguments, type)), 'deprecated' (field names), 'values', 'members' or
    'interfaces' as it has."""

    def __init__(self, text):
        self.types = {name: {'kind': 'scalar'} for name in SCALARS}
        self.query_type = 'Query'
        parser = Parser(text)
        while parser.peek()[0] != 'end':
            self._definition(parser)

    def _arguments(self, parser):
        arguments = {}
        if parser.accept('('):
            while not parser.accept(')'):
                parser.description()
                name = parser.name()
                parser.expect(':')
                ref = parser.type_ref()
                default = parser.value() if parser.accept('=') else None
                parser.directives()
                arguments[name] = (ref, default)
        return arguments

    def _definition(self, parser):
        parser.description()
        keyword = parser.name()
        if keyword == 'extend':
            keyword = parser.name()
        if keyword == 'schema':
            parser.directives()
            parser.expect('{')
            while not parser.accept('}'):
                operation = parser.name()
                parser.expect(':')
                if operation == 'query':
                    self.query_type = parser.name()
                else:
                    parser.name()
            return
        if keyword == 'directive':
            parser.expect('@')
            parser.name()
            self._arguments(parser)
            parser.accept('repeatable')
            parser.expect('on')
            parser.accept('|')
            parser.name()
            while parser.accept('|'):
                parser.name()
            return
        name = parser.name()
        entry = self.types.setdefault(name, {'kind': keyword})
        if keyword == 'scalar':
            parser.directives()
        elif keyword in ('type', 'interface', 'input'):
            interfaces = entry.setdefault('interfaces', [])
            if parser.accept('implements'):
                parser.accept('&')
                interfaces.append(parser.name())
                while parser.accept('&'):
                    interfaces.append(parser.name())
            parser.directives()
            fields = entry.setdefault('fields', {})
            if parser.accept('{'):
                while not parser.accept('}'):
                    parser.description()
                    field = parser.name()
                    arguments = {} if keyword == 'input' else self._arguments(parser)
                    parser.expect(':')
                    ref = parser.type_ref()
                    if parser.accept('='):
                        parser.value()
                    if 'deprecated' in parser.directives():
                        entry.setdefault('deprecated', set()).add(field)
                    fields[field] = (arguments, ref)
        elif keyword == 'enum':
            parser.directives()
            values = entry.setdefault('values', set())
            parser.expect('{')
            while not parser.accept('}'):
                parser.description()
                values.add(parser.name())
                parser.directives()
        elif keyword == 'union':
            parser.directives()
            members = entry.setdefault('members', [])
            parser.expect('=')
            parser.accept('|')
            members.append(parser.name())
            while parser.accept('|'):
                members.append(parser.name())
        else:
            raise GraphQLError(f'unknown definition {keyword} {name}')

    def check_document(self, text):
        """The problems of a document, each a line; empty when it fits."""
        return _DocumentChecker(self, text).problems

    def touched_types(self, text):
        """The names of the types a document reads or names."""
        return _DocumentChecker(self, text).touched


class _DocumentChecker:
    def __init__(self, schema, text):
        self.schema = schema
        self.problems = []
        self.touched = {schema.query_type}
        self.fragments = {}
        parser = Parser(text)
        operations = []
        while parser.peek()[0] != 'end':
            keyword = parser.name()
            if keyword == 'fragment':
                name = parser.name()
                parser.expect('on')
                on = parser.name()
                parser.directives()
                self.fragments[name] = (on, self._selection_set(parser))
            elif keyword in ('query', 'mutation', 'subscription'):
                operations.append((keyword, self._operation(parser)))
            else:
                raise GraphQLError(f'unexpected {keyword!r}')
        for keyword, (name, variables, selections) in operations:
            if keyword != 'query':
                self.problems.append(f'{name}: only queries are sent, not a {keyword}')
                continue
            self.variables = variables
            self.used = set()
            self._check_selections(schema.query_type, selections, name)
            for variable in variables:
                if variable not in self.used:
                    self.problems.append(f'{name}: ${variable} is declared and never used')

    def _operation(self, parser):
        name = parser.name() if parser.peek()[0] == 'name' else '(anonymous)'
        variables = {}
        if parser.accept('('):
            while not parser.accept(')'):
                parser.expect('$')
                variable = parser.name()
                parser.expect(':')
                ref = parser.type_ref()
                if parser.accept('='):
                    parser.value()
                variables[variable] = ref
                self.touched.add(named_type(ref))
                if named_type(ref) not in self.schema.types:
                    self.problems.append(f'{name}: ${variable} has unknown type {named_type(ref)}')
        parser.directives()
        return name, variables, self._selection_set(parser)

    def _selection_set(self, parser):
        selections = []
        parser.expect('{')
        while not parser.accept('}'):
            if parser.accept('...'):
                if parser.accept('on'):
                    on = parser.name()
                    parser.directives()
                    selections.append(('inline', on, self._selection_set(parser)))
                else:
                    selections.append(('spread', parser.name()))
                    parser.directives()
                continue
            name = parser.name()
            if parser.accept(':'):
                name = parser.name()
            arguments = {}
            if parser.accept('('):
                while not parser.accept(')'):
                    argument = parser.name()
                    parser.expect(':')
                    arguments[argument] = parser.value()
            parser.directives()
            children = self._selection_set(parser) if parser.peek()[1] == '{' else None
            selections.append(('field', name, arguments, children))
        return selections

    def _fields_of(self, type_name):
        self.touched.add(type_name)
        entry = self.schema.types.get(type_name, {})
        return entry.get('fields')

    def _check_value(self, where, ref, value):
        self.touched.add(named_type(ref))
        kind = value[0]
        if kind == 'variable':
            self.used.add(value[1])
            if value[1] not in self.variables:
                self.problems.append(f'{where}: ${value[1]} is not declared')
            elif named_type(self.variables[value[1]]) != named_type(ref):
                self.problems.append(f'{where}: ${value[1]} is a {named_type(self.variables[value[1]])}, '
                                     f'not a {named_type(ref)}')
            return
        if kind == 'null':
            if ref[2]:
                self.problems.append(f'{where}: null where a value is required')
            return
        if ref[0] == 'list':
            for item in value[1] if kind == 'list' else [value]:
                self._check_value(where, ref[1], item)
            return
        entry = self.schema.types.get(ref[1], {})
        if entry.get('kind') == 'enum':
            if kind != 'enum' or value[1] not in entry['values']:
                self.problems.append(f'{where}: {value[1]} is not a value of {ref[1]}')
        elif entry.get('kind') == 'input':
            if kind != 'object':
                self.problems.append(f'{where}: {ref[1]} is an input object')
                return
            for key, item in value[1].items():
                if key not in entry['fields']:
                    self.problems.append(f'{where}: {ref[1]} has no field {key}')
                else:
                    self._check_value(f'{where}.{key}', entry['fields'][key][1], item)

    def _check_selections(self, type_name, selections, where):
        fields = self._fields_of(type_name)
        for selection in selections:
            if selection[0] == 'spread':
                on, children = self.fragments.get(selection[1], (None, []))
                if on is None:
                    self.problems.append(f'{where}: no fragment {selection[1]}')
                else:
                    self._check_selections(on, children, f'{where}…{selection[1]}')
                continue
            if selection[0] == 'inline':
                if selection[1] not in self.schema.types:
                    self.problems.append(f'{where}: no type {selection[1]}')
                else:
                    self._check_selections(selection[1], selection[2], f'{where}…{selection[1]}')
                continue
            _, name, arguments, children = selection
            here = f'{where}.{name}'
            if name == '__typename':
                continue
            if fields is None or name not in fields:
                self.problems.append(f'{here}: {type_name} has no field {name}')
                continue
            declared, ref = fields[name]
            if name in self.schema.types[type_name].get('deprecated', ()):
                self.problems.append(f'{here}: {type_name}.{name} is deprecated')
            for argument, value in arguments.items():
                if argument not in declared:
                    self.problems.append(f'{here}: no argument {argument}')
                else:
                    self._check_value(f'{here}({argument})', declared[argument][0], value)
            for argument, (argument_ref, default) in declared.items():
                if argument_ref[0] != 'list' and argument_ref[2] and default is None and argument not in arguments:
                    self.problems.append(f'{here}: the required argument {argument} is missing')
            result = named_type(ref)
            has_fields = self._fields_of(result) is not None or 'members' in self.schema.types.get(result, {})
            if has_fields and children is None:
                self.problems.append(f'{here}: {result} needs a selection')
            elif not has_fields and children is not None:
                self.problems.append(f'{here}: {result} has no fields to select')
            elif children is not None:
                self._check_selections(result, children, here)
