; What is a function, container, namespace and declaration in PHP (captures: docs/chunking.md).
;   @function     named functions (`function f() {}`) at top level, in a braced namespace, or in a block
;                 at top level (`if (!function_exists('f')) { function f() {} }`); methods with a body in
;                 classes, interfaces, traits and enums. Attributes (`#[Route]`) are part of the node; a
;                 leading `/** */`, `//` or `#` comment attaches through languages.json. Bodiless methods
;                 (abstract, interface) stay in the header and glue. Closures, arrow functions and anonymous
;                 classes (`new class {...}`) stay inside the statement that holds them.
;   @container    class, interface, trait, enum: one without method bodies (most interfaces) becomes a
;                 declaration. Trait `use`, constants, properties and enum cases are glue between methods.
;   @namespace    a braced `namespace X { ... }`. `namespace X;` is glue, like `use`, `require`, `declare`.
;   @declaration  top-level `const X = ...;` and `define('X', ...);`.
;   @block        top-level `if` (with its `else`/`elseif` branches): definitions inside it count as if outside;
;                 its opening and closing lines travel with them. Not `try`: its `catch` line would have to
;                 travel too (a block brings only its first and last chunk), so a `try` stays glue.
; HTML outside `<?php ... ?>` is glue.

; Methods with a body, in named types only (a method of `new class {...}` stays in its expression).
(class_declaration
  body: (declaration_list
    (method_declaration
      name: (name) @function.name
      body: (compound_statement) @function.body) @function))

(interface_declaration
  body: (declaration_list
    (method_declaration
      name: (name) @function.name
      body: (compound_statement) @function.body) @function))

(trait_declaration
  body: (declaration_list
    (method_declaration
      name: (name) @function.name
      body: (compound_statement) @function.body) @function))

(enum_declaration
  body: (enum_declaration_list
    (method_declaration
      name: (name) @function.name
      body: (compound_statement) @function.body) @function))

; Named functions: top level, braced namespaces, the branches of an `if` (a function in a function, a loop
; or a `try` stays inside it).
(program
  (function_definition
    name: (name) @function.name
    body: (compound_statement) @function.body) @function)

(namespace_definition
  body: (compound_statement
    (function_definition
      name: (name) @function.name
      body: (compound_statement) @function.body) @function))

(if_statement
  body: [
    (compound_statement
      (function_definition
        name: (name) @function.name
        body: (compound_statement) @function.body) @function)
    (colon_block
      (function_definition
        name: (name) @function.name
        body: (compound_statement) @function.body) @function)
  ])

(if_statement
  alternative: (_
    body: [
      (compound_statement
        (function_definition
          name: (name) @function.name
          body: (compound_statement) @function.body) @function)
      (colon_block
        (function_definition
          name: (name) @function.name
          body: (compound_statement) @function.body) @function)
    ]))

; Named types.
(class_declaration
  name: (name) @container.name) @container

(interface_declaration
  name: (name) @container.name) @container

(trait_declaration
  name: (name) @container.name) @container

(enum_declaration
  name: (name) @container.name) @container

(namespace_definition
  name: (_)? @namespace.name
  body: (compound_statement)) @namespace

; Constants.
(program
  (const_declaration
    (const_element (name) @declaration.name)) @declaration)

(compound_statement
  (const_declaration
    (const_element (name) @declaration.name)) @declaration)

(program
  (expression_statement
    (function_call_expression
      function: (name) @_define
      arguments: (arguments . (argument (string (string_content) @declaration.name))))) @declaration
  (#eq? @_define "define"))

; Definitions under top-level conditionals count as if they were outside. Only top-level ones are blocks:
; an `else if` chain nests each `if` in the one before, and scanning each would rescan the rest of the chain
; from every `if` above it.
(program
  (if_statement) @block)

(namespace_definition
  body: (compound_statement
    (if_statement) @block))
