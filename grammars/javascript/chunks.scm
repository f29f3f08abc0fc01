; What is a function, method, container and declaration in JavaScript (captures: docs/chunking.md).
; The same patterns as grammars/typescript/chunks.scm, less what only TypeScript has.
;
; Functions: function declarations; `const|let|var f = () => … | function …` with one declarator, also
;   when the value is a call whose first argument is a function (`memo(() => …)`, `forwardRef(…)`,
;   `debounce(…)`; not array and promise methods: `xs.map(…)`, `p.then(…)` are values); their `export`
;   forms; `export default` of an anonymous function (named `default`); CommonJS at top level:
;   `exports.f = …`, `module.exports = …` (named `module.exports`), `X.prototype.m = function …` and
;   `X.m = function …` (methods with parent X); `f = function …`.
; Methods: in a class body, methods with a body (constructor, accessors, static, `#private`) and fields
;   holding a function (`handler = () => {…}`, `onChange = debounce((e) => …)`).
; Containers: classes (also exported, and `export default class {…}` named default),
;   `const A = class {…}`, `module.exports = class …`, `exports.A = class {…}`.
; Declarations: `const` holding anything but a function, a class, `require(…)` or `await import(…)`
;   (one name: a destructuring `const` is glue).
; All of it at top level. Left in the glue: definitions inside top-level `if`/`try`/loop blocks, IIFEs
;   and callbacks (`define(…, function () {…})`, `describe(…, () => {…})`); `let`/`var` holding values;
;   imports, `export … from`, `export default <expression>`. Object-literal members stay inside their
;   declaration.

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
    (class_declaration name: (identifier) @container.name)
    (_ . (variable_declarator name: (identifier) @container.name value: (class)) .)
    (export_statement
      declaration: [
        (class_declaration name: (identifier) @container.name)
        (_ . (variable_declarator name: (identifier) @container.name value: (class)) .)
      ])
  ] @container)

; export default class {…}: named default
(program
  (export_statement "default" @container.name value: (class !name)) @container)

; module.exports = class Name {…}, exports.Name = class {…}
(program
  (expression_statement
    (assignment_expression right: (class name: (identifier) @container.name))) @container)

(program
  (expression_statement
    (assignment_expression
      left: (member_expression property: (property_identifier) @container.name)
      right: (class !name))) @container)

; ---------------------------------------------------------------------------------------------------
; Top level: declarations

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
; Methods: class members with a body, and fields holding a function. Decorators are inside the
; nodes.

(class_body
  (method_definition name: (_) @function.name body: (statement_block) @function.body) @function)

((class_body
  (field_definition
    property: (_) @function.name
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
