; What is a function, container and declaration in Python (captures: docs/chunking.md).

(decorated_definition
  definition: (function_definition
    name: (identifier) @function.name
    body: (block) @function.body)) @function

(function_definition
  name: (identifier) @function.name
  body: (block) @function.body) @function

(decorated_definition
  definition: (class_definition
    name: (identifier) @container.name)) @container

(class_definition
  name: (identifier) @container.name) @container

; Module-level constants (UPPER_CASE names) and type aliases.
(module
  (expression_statement
    (assignment
      left: (identifier) @declaration.name)) @declaration
  (#match? @declaration.name "^[A-Z][A-Z0-9_]*$"))

(module
  (expression_statement
    (assignment
      left: (identifier) @declaration.name
      type: (type (identifier) @_alias))) @declaration
  (#eq? @_alias "TypeAlias"))

(module
  (type_alias_statement
    left: (type (identifier) @declaration.name)) @declaration)

; Definitions under conditionals (platform switches, optional imports) are what they would be outside; the
; block around them travels with them (its header and footer chunks).
; A `try` cannot stand without its first `except` or `finally`: that clause travels with it too.
(if_statement) @block
(try_statement [(except_clause) (finally_clause)] @block.clause) @block
(with_statement) @block
