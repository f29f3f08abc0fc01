; What is a function, method, container, namespace and declaration in TypeScript and TSX (captures:
; docs/chunking.md; TSX uses this file through `queriesFrom` in languages.json). Components are functions
; like any other (`function App() {…}`, `const Button = (props) => …`, `const Input = forwardRef((props,
; ref) => …)`); JSX stays inside its function.
;
; Functions: function declarations; `const|let|var f = () => … | function …` with one declarator, also
;   when the value is a call whose first argument is a function (`memo(() => …)`, `forwardRef(…)`,
;   `debounce(…)`; not array and promise methods: `xs.map(…)`, `p.then(…)` are values); their `export`
;   forms; `export default` of an anonymous function (named `default`); CommonJS at top level:
;   `exports.f = …`, `module.exports = …` (named `module.exports`), `X.prototype.m = function …` and
;   `X.m = function …` (methods with parent X); `f = function …`.
; Methods: in a class body, methods with a body (constructor, accessors, static, `#private`) and fields
;   holding a function (`handler = () => {…}`, `onChange = debounce((e) => …)`).
; Containers: classes and abstract classes (also exported, and `export default class {…}` named default),
;   `const A = class {…}`, `module.exports = class …`, `exports.A = class {…}`.
; Namespaces: `namespace A.B {}`, `module A {}`, `declare module 'x' {}` (named x), exported or declared.
; Declarations: interfaces, type aliases, enums, bodiless function signatures, `declare` statements
;   (function, const, class, enum, `declare global`, `declare module 'x';`) and `const` holding anything
;   but a function, a class, `require(…)` or `await import(…)` (one name: destructuring is glue).
;   Overloads: a non-exported signature joins the implementation below it (the row's attachBefore lists
;   function_signature and method_signature); an exported one is a declaration named like the function.
; All of it at top level or directly in a namespace body. Left in the glue: definitions inside top-level
;   `if`/`try`/loop blocks, IIFEs and callbacks; `let`/`var` holding values; abstract methods; imports,
;   `export … from`, `export default <expression>`. Object-literal members stay inside their declaration.

; ---------------------------------------------------------------------------------------------------
; Top level: functions

(program
  [
    (function_declaration name: (identifier) @function.name body: (statement_block) @function.body)
    (generator_function_declaration name: (identifier) @function.name body: (statement_block) @function.body)
    (export_statement
      declaration: [
        (function_declaration name: (identifier) @function.name body: (statement_block) @function.body)
        (generator_function_declaration name: (identifier) @function.name body: (statement_block) @function.body)
      ])
  ] @function)

; const|let|var f = <function> | wrapper(<function>, …) (not xs.map(…), p.then(…): values)
((program
  [
    (_ .
      (variable_declarator
        name: (identifier) @function.name
        value: [
          (arrow_function body: (statement_block)? @function.body)
          (function_expression body: (statement_block) @function.body)
          (generator_function body: (statement_block) @function.body)
          (call_expression
            function: (_) @_wrapper
            arguments: (arguments .
              [
                (arrow_function body: (statement_block)? @function.body)
                (function_expression body: (statement_block) @function.body)
                (generator_function body: (statement_block) @function.body)
              ]))
        ]) .)
    (export_statement
      declaration: (_ .
        (variable_declarator
          name: (identifier) @function.name
          value: [
            (arrow_function body: (statement_block)? @function.body)
            (function_expression body: (statement_block) @function.body)
            (generator_function body: (statement_block) @function.body)
            (call_expression
              function: (_) @_wrapper
              arguments: (arguments .
                [
                  (arrow_function body: (statement_block)? @function.body)
                  (function_expression body: (statement_block) @function.body)
                  (generator_function body: (statement_block) @function.body)
                ]))
          ]) .))
  ] @function)
  (#not-match? @_wrapper "\\.(map|filter|reduce|reduceRight|forEach|find|findIndex|findLast|findLastIndex|some|every|sort|flatMap|then|catch|finally)$"))

; export default function () {…} | async () => … | function* () {…} | wrapper(() => …): named default
((program
  (export_statement
    "default" @function.name
    value: [
      (arrow_function body: (statement_block)? @function.body)
      (function_expression !name body: (statement_block) @function.body)
      (generator_function !name body: (statement_block) @function.body)
      (call_expression
        function: (_) @_wrapper
        arguments: (arguments .
          [
            (arrow_function body: (statement_block)? @function.body)
            (function_expression body: (statement_block) @function.body)
            (generator_function body: (statement_block) @function.body)
          ]))
    ]) @function)
  (#not-match? @_wrapper "\\.(map|filter|reduce|reduceRight|forEach|find|findIndex|findLast|findLastIndex|some|every|sort|flatMap|then|catch|finally)$"))

; CommonJS: exports.f = …, module.exports.f = …
((program
  (expression_statement
    (assignment_expression
      left: (member_expression object: (_) @_exports property: (property_identifier) @function.name)
      right: [
        (arrow_function body: (statement_block)? @function.body)
        (function_expression body: (statement_block) @function.body)
        (generator_function body: (statement_block) @function.body)
      ])) @function)
  (#match? @_exports "^(module\\.)?exports$"))

; module.exports = …: named module.exports
((program
  (expression_statement
    (assignment_expression
      left: (member_expression object: (identifier) @_module property: (property_identifier) @_exports) @function.name
      right: [
        (arrow_function body: (statement_block)? @function.body)
        (function_expression body: (statement_block) @function.body)
        (generator_function body: (statement_block) @function.body)
      ])) @function)
  (#eq? @_module "module")
  (#eq? @_exports "exports"))

; X.prototype.m = function …: a method of X
((program
  (expression_statement
    (assignment_expression
      left: (member_expression
        object: (member_expression object: (_) @function.parent property: (property_identifier) @_prototype)
        property: (property_identifier) @function.name)
      right: [
        (arrow_function body: (statement_block)? @function.body)
        (function_expression body: (statement_block) @function.body)
        (generator_function body: (statement_block) @function.body)
      ])) @function)
  (#eq? @_prototype "prototype"))

; X.m = function …: a method of X (X not exports, module, this or Y.prototype)
((program
  (expression_statement
    (assignment_expression
      left: (member_expression object: (_) @function.parent property: (property_identifier) @function.name)
      right: [
        (arrow_function body: (statement_block)? @function.body)
        (function_expression body: (statement_block) @function.body)
        (generator_function body: (statement_block) @function.body)
      ])) @function)
  (#not-match? @function.parent "^(module|(module\\.)?exports|this)$|\\.prototype$"))

; f = function …
(program
  (expression_statement
    (assignment_expression
      left: (identifier) @function.name
      right: [
        (arrow_function body: (statement_block)? @function.body)
        (function_expression body: (statement_block) @function.body)
        (generator_function body: (statement_block) @function.body)
      ])) @function)

; ---------------------------------------------------------------------------------------------------
; Top level: classes

(program
  [
    (class_declaration name: (type_identifier) @container.name)
    (abstract_class_declaration name: (type_identifier) @container.name)
    (_ . (variable_declarator name: (identifier) @container.name value: (class)) .)
    (export_statement
      declaration: [
        (class_declaration name: (type_identifier) @container.name)
        (abstract_class_declaration name: (type_identifier) @container.name)
        (_ . (variable_declarator name: (identifier) @container.name value: (class)) .)
      ])
  ] @container)

; export default class {…}: named default
(program
  (export_statement "default" @container.name value: (class !name)) @container)

; module.exports = class Name {…}, exports.Name = class {…}
(program
  (expression_statement
    (assignment_expression right: (class name: (type_identifier) @container.name))) @container)

(program
  (expression_statement
    (assignment_expression
      left: (member_expression property: (property_identifier) @container.name)
      right: (class !name))) @container)

; ---------------------------------------------------------------------------------------------------
; Top level: declarations

; Interfaces, type aliases, enums; bodiless function signatures: overloads (a non-exported one joins
; the implementation below it through attachBefore) and functions of ambient modules
(program
  [
    (interface_declaration name: (type_identifier) @declaration.name)
    (type_alias_declaration name: (type_identifier) @declaration.name)
    (enum_declaration name: (identifier) @declaration.name)
    (function_signature name: (identifier) @declaration.name)
    (export_statement
      declaration: [
        (interface_declaration name: (type_identifier) @declaration.name)
        (type_alias_declaration name: (type_identifier) @declaration.name)
        (enum_declaration name: (identifier) @declaration.name)
        (function_signature name: (identifier) @declaration.name)
      ])
  ] @declaration)

; Constants: `const NAME = <value>` where the value is not a function, a class or a call whose first
; argument is a function (those are above), nor require(…) / await import(…) (imports: glue).
; `(_ !body !arguments)`: any value but functions and classes (they have a body) and calls.
((program
  [
    (lexical_declaration kind: "const" .
      (variable_declarator
        name: (identifier) @declaration.name
        value: [(_ !body !arguments) (new_expression)] @_value))
    (export_statement
      declaration: (lexical_declaration kind: "const" .
        (variable_declarator
          name: (identifier) @declaration.name
          value: [(_ !body !arguments) (new_expression)] @_value)))
  ] @declaration)
  (#not-match? @_value "^(require\\s*\\(|await\\s+import\\s*\\()"))

((program
  [
    (lexical_declaration kind: "const" .
      (variable_declarator
        name: (identifier) @declaration.name
        value: (call_expression
          function: (_) @_callee
          arguments: [(arguments . (_ !body)) (arguments "(" . ")") (template_string)])))
    (export_statement
      declaration: (lexical_declaration kind: "const" .
        (variable_declarator
          name: (identifier) @declaration.name
          value: (call_expression
            function: (_) @_callee
            arguments: [(arguments . (_ !body)) (arguments "(" . ")") (template_string)]))))
  ] @declaration)
  (#not-match? @_callee "^(require|import)$"))

; const table = xs.map((x) => …), const ready = load().then(() => …): array and promise methods
; return values, not functions
((program
  [
    (lexical_declaration kind: "const" .
      (variable_declarator
        name: (identifier) @declaration.name
        value: (call_expression
          function: (member_expression) @_array
          arguments: (arguments . (_ body: (_))))))
    (export_statement
      declaration: (lexical_declaration kind: "const" .
        (variable_declarator
          name: (identifier) @declaration.name
          value: (call_expression
            function: (member_expression) @_array
            arguments: (arguments . (_ body: (_)))))))
  ] @declaration)
  (#match? @_array "\\.(map|filter|reduce|reduceRight|forEach|find|findIndex|findLast|findLastIndex|some|every|sort|flatMap|then|catch|finally)$"))

; ---------------------------------------------------------------------------------------------------
; Methods: class members with a body, and fields holding a function. Bodiless overload
; signatures (method_signature) join the implementation below them (attachBefore); abstract methods
; stay glue.

(class_body
  (method_definition name: (_) @function.name body: (statement_block) @function.body) @function)

((class_body
  (public_field_definition
    name: (_) @function.name
    value: [
      (arrow_function body: (statement_block)? @function.body)
      (function_expression body: (statement_block) @function.body)
      (generator_function body: (statement_block) @function.body)
      (call_expression
        function: (_) @_wrapper
        arguments: (arguments .
          [
            (arrow_function body: (statement_block)? @function.body)
            (function_expression body: (statement_block) @function.body)
            (generator_function body: (statement_block) @function.body)
          ]))
    ]) @function)
  (#not-match? @_wrapper "\\.(map|filter|reduce|reduceRight|forEach|find|findIndex|findLast|findLastIndex|some|every|sort|flatMap|then|catch|finally)$"))

; ---------------------------------------------------------------------------------------------------
; Namespaces: namespace A.B {…}, module A {…}, declare module 'x' {…} (named x)
; Only legal at top level and in namespaces, so not anchored: a wrapper (export, declare,
; expression_statement) and the module it wraps end together and are one definition.

[
  (internal_module name: (_) @namespace.name body: (statement_block))
  (module name: [(identifier) (nested_identifier)] @namespace.name body: (statement_block))
  (module name: (string (string_fragment) @namespace.name) body: (statement_block))
] @namespace

(expression_statement
  (internal_module name: (_) @namespace.name body: (statement_block))) @namespace

(export_statement
  declaration: [
    (internal_module name: (_) @namespace.name body: (statement_block))
    (module name: [(identifier) (nested_identifier)] @namespace.name body: (statement_block))
    (module name: (string (string_fragment) @namespace.name) body: (statement_block))
  ]) @namespace

(ambient_declaration
  [
    (internal_module name: (_) @namespace.name body: (statement_block))
    (module name: [(identifier) (nested_identifier)] @namespace.name body: (statement_block))
    (module name: (string (string_fragment) @namespace.name) body: (statement_block))
  ]) @namespace

(export_statement
  declaration: (ambient_declaration
    [
      (internal_module name: (_) @namespace.name body: (statement_block))
      (module name: [(identifier) (nested_identifier)] @namespace.name body: (statement_block))
      (module name: (string (string_fragment) @namespace.name) body: (statement_block))
    ])) @namespace

; declare function|const|let|var|class|interface|type|enum, declare global {…}, declare module 'x';
; (a declared class has no bodies: one declaration)
(ambient_declaration
  [
    (function_signature name: (identifier) @declaration.name)
    (_ . (variable_declarator name: (identifier) @declaration.name))
    (class_declaration name: (type_identifier) @declaration.name)
    (abstract_class_declaration name: (type_identifier) @declaration.name)
    (interface_declaration name: (type_identifier) @declaration.name)
    (type_alias_declaration name: (type_identifier) @declaration.name)
    (enum_declaration name: (identifier) @declaration.name)
    (module !body name: [(identifier) (nested_identifier)] @declaration.name)
    (module !body name: (string (string_fragment) @declaration.name))
    "global" @declaration.name
  ]) @declaration

(export_statement
  declaration: (ambient_declaration
    [
      (function_signature name: (identifier) @declaration.name)
      (_ . (variable_declarator name: (identifier) @declaration.name))
      (class_declaration name: (type_identifier) @declaration.name)
      (abstract_class_declaration name: (type_identifier) @declaration.name)
      (interface_declaration name: (type_identifier) @declaration.name)
      (type_alias_declaration name: (type_identifier) @declaration.name)
      (enum_declaration name: (identifier) @declaration.name)
    ])) @declaration

; ---------------------------------------------------------------------------------------------------
; Namespace bodies: the top-level forms above but CommonJS and export default, in one
; pattern per kind of namespace node (internal_module: `namespace`; module: `module`, `declare module`)

((internal_module
  body: (statement_block
    [
      (function_declaration name: (identifier) @function.name body: (statement_block) @function.body)
      (generator_function_declaration name: (identifier) @function.name body: (statement_block) @function.body)
      (export_statement
        declaration: [
          (function_declaration name: (identifier) @function.name body: (statement_block) @function.body)
          (generator_function_declaration name: (identifier) @function.name body: (statement_block) @function.body)
        ])
      (_ .
        (variable_declarator
          name: (identifier) @function.name
          value: [
            (arrow_function body: (statement_block)? @function.body)
            (function_expression body: (statement_block) @function.body)
            (generator_function body: (statement_block) @function.body)
            (call_expression
              function: (_) @_wrapper
              arguments: (arguments .
                [
                  (arrow_function body: (statement_block)? @function.body)
                  (function_expression body: (statement_block) @function.body)
                  (generator_function body: (statement_block) @function.body)
                ]))
          ]) .)
      (export_statement
        declaration: (_ .
          (variable_declarator
            name: (identifier) @function.name
            value: [
              (arrow_function body: (statement_block)? @function.body)
              (function_expression body: (statement_block) @function.body)
              (generator_function body: (statement_block) @function.body)
              (call_expression
                function: (_) @_wrapper
                arguments: (arguments .
                  [
                    (arrow_function body: (statement_block)? @function.body)
                    (function_expression body: (statement_block) @function.body)
                    (generator_function body: (statement_block) @function.body)
                  ]))
            ]) .))
    ] @function))
  (#not-match? @_wrapper "\\.(map|filter|reduce|reduceRight|forEach|find|findIndex|findLast|findLastIndex|some|every|sort|flatMap|then|catch|finally)$"))

(internal_module
  body: (statement_block
    [
      (class_declaration name: (type_identifier) @container.name)
      (abstract_class_declaration name: (type_identifier) @container.name)
      (_ . (variable_declarator name: (identifier) @container.name value: (class)) .)
      (export_statement
        declaration: [
          (class_declaration name: (type_identifier) @container.name)
          (abstract_class_declaration name: (type_identifier) @container.name)
          (_ . (variable_declarator name: (identifier) @container.name value: (class)) .)
        ])
    ] @container))

(internal_module
  body: (statement_block
    [
      (interface_declaration name: (type_identifier) @declaration.name)
      (type_alias_declaration name: (type_identifier) @declaration.name)
      (enum_declaration name: (identifier) @declaration.name)
      (function_signature name: (identifier) @declaration.name)
      (export_statement
        declaration: [
          (interface_declaration name: (type_identifier) @declaration.name)
          (type_alias_declaration name: (type_identifier) @declaration.name)
          (enum_declaration name: (identifier) @declaration.name)
          (function_signature name: (identifier) @declaration.name)
        ])
    ] @declaration))

((internal_module
  body: (statement_block
    [
      (lexical_declaration kind: "const" .
        (variable_declarator
          name: (identifier) @declaration.name
          value: [(_ !body !arguments) (new_expression)] @_value))
      (export_statement
        declaration: (lexical_declaration kind: "const" .
          (variable_declarator
            name: (identifier) @declaration.name
            value: [(_ !body !arguments) (new_expression)] @_value)))
    ] @declaration))
  (#not-match? @_value "^(require\\s*\\(|await\\s+import\\s*\\()"))

((internal_module
  body: (statement_block
    [
      (lexical_declaration kind: "const" .
        (variable_declarator
          name: (identifier) @declaration.name
          value: (call_expression
            function: (_) @_callee
            arguments: [(arguments . (_ !body)) (arguments "(" . ")") (template_string)])))
      (export_statement
        declaration: (lexical_declaration kind: "const" .
          (variable_declarator
            name: (identifier) @declaration.name
            value: (call_expression
              function: (_) @_callee
              arguments: [(arguments . (_ !body)) (arguments "(" . ")") (template_string)]))))
    ] @declaration))
  (#not-match? @_callee "^(require|import)$"))

((module
  body: (statement_block
    [
      (function_declaration name: (identifier) @function.name body: (statement_block) @function.body)
      (generator_function_declaration name: (identifier) @function.name body: (statement_block) @function.body)
      (export_statement
        declaration: [
          (function_declaration name: (identifier) @function.name body: (statement_block) @function.body)
          (generator_function_declaration name: (identifier) @function.name body: (statement_block) @function.body)
        ])
      (_ .
        (variable_declarator
          name: (identifier) @function.name
          value: [
            (arrow_function body: (statement_block)? @function.body)
            (function_expression body: (statement_block) @function.body)
            (generator_function body: (statement_block) @function.body)
            (call_expression
              function: (_) @_wrapper
              arguments: (arguments .
                [
                  (arrow_function body: (statement_block)? @function.body)
                  (function_expression body: (statement_block) @function.body)
                  (generator_function body: (statement_block) @function.body)
                ]))
          ]) .)
      (export_statement
        declaration: (_ .
          (variable_declarator
            name: (identifier) @function.name
            value: [
              (arrow_function body: (statement_block)? @function.body)
              (function_expression body: (statement_block) @function.body)
              (generator_function body: (statement_block) @function.body)
              (call_expression
                function: (_) @_wrapper
                arguments: (arguments .
                  [
                    (arrow_function body: (statement_block)? @function.body)
                    (function_expression body: (statement_block) @function.body)
                    (generator_function body: (statement_block) @function.body)
                  ]))
            ]) .))
    ] @function))
  (#not-match? @_wrapper "\\.(map|filter|reduce|reduceRight|forEach|find|findIndex|findLast|findLastIndex|some|every|sort|flatMap|then|catch|finally)$"))

(module
  body: (statement_block
    [
      (class_declaration name: (type_identifier) @container.name)
      (abstract_class_declaration name: (type_identifier) @container.name)
      (_ . (variable_declarator name: (identifier) @container.name value: (class)) .)
      (export_statement
        declaration: [
          (class_declaration name: (type_identifier) @container.name)
          (abstract_class_declaration name: (type_identifier) @container.name)
          (_ . (variable_declarator name: (identifier) @container.name value: (class)) .)
        ])
    ] @container))

(module
  body: (statement_block
    [
      (interface_declaration name: (type_identifier) @declaration.name)
      (type_alias_declaration name: (type_identifier) @declaration.name)
      (enum_declaration name: (identifier) @declaration.name)
      (function_signature name: (identifier) @declaration.name)
      (export_statement
        declaration: [
          (interface_declaration name: (type_identifier) @declaration.name)
          (type_alias_declaration name: (type_identifier) @declaration.name)
          (enum_declaration name: (identifier) @declaration.name)
          (function_signature name: (identifier) @declaration.name)
        ])
    ] @declaration))

((module
  body: (statement_block
    [
      (lexical_declaration kind: "const" .
        (variable_declarator
          name: (identifier) @declaration.name
          value: [(_ !body !arguments) (new_expression)] @_value))
      (export_statement
        declaration: (lexical_declaration kind: "const" .
          (variable_declarator
            name: (identifier) @declaration.name
            value: [(_ !body !arguments) (new_expression)] @_value)))
    ] @declaration))
  (#not-match? @_value "^(require\\s*\\(|await\\s+import\\s*\\()"))

((module
  body: (statement_block
    [
      (lexical_declaration kind: "const" .
        (variable_declarator
          name: (identifier) @declaration.name
          value: (call_expression
            function: (_) @_callee
            arguments: [(arguments . (_ !body)) (arguments "(" . ")") (template_string)])))
      (export_statement
        declaration: (lexical_declaration kind: "const" .
          (variable_declarator
            name: (identifier) @declaration.name
            value: (call_expression
              function: (_) @_callee
              arguments: [(arguments . (_ !body)) (arguments "(" . ")") (template_string)]))))
    ] @declaration))
  (#not-match? @_callee "^(require|import)$"))

((internal_module
  body: (statement_block
    [
      (lexical_declaration kind: "const" .
        (variable_declarator
          name: (identifier) @declaration.name
          value: (call_expression
            function: (member_expression) @_array
            arguments: (arguments . (_ body: (_))))))
      (export_statement
        declaration: (lexical_declaration kind: "const" .
          (variable_declarator
            name: (identifier) @declaration.name
            value: (call_expression
              function: (member_expression) @_array
              arguments: (arguments . (_ body: (_)))))))
    ] @declaration))
  (#match? @_array "\\.(map|filter|reduce|reduceRight|forEach|find|findIndex|findLast|findLastIndex|some|every|sort|flatMap|then|catch|finally)$"))

((module
  body: (statement_block
    [
      (lexical_declaration kind: "const" .
        (variable_declarator
          name: (identifier) @declaration.name
          value: (call_expression
            function: (member_expression) @_array
            arguments: (arguments . (_ body: (_))))))
      (export_statement
        declaration: (lexical_declaration kind: "const" .
          (variable_declarator
            name: (identifier) @declaration.name
            value: (call_expression
              function: (member_expression) @_array
              arguments: (arguments . (_ body: (_)))))))
    ] @declaration))
  (#match? @_array "\\.(map|filter|reduce|reduceRight|forEach|find|findIndex|findLast|findLastIndex|some|every|sort|flatMap|then|catch|finally)$"))
