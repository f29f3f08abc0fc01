; What is a function, container and declaration in Go (captures: docs/chunking.md).
;
; Functions: top-level `func` declarations with a body. A method (`func (s *Server) Run()`) is a top-level
; function whose parent is its receiver's type, read through a pointer and type arguments:
; `(s *Server)` and `(s Server)` give `Server`, `(l *List[T])` gives `List`. Function literals (closures)
; stay inside their function. A `func` without a body (implemented in assembly) stays in the glue.
; `//` comments directly above (doc comments, `//go:` directives) join the definition.
; Declarations: each top-level `type`, `const` and `var` declaration, a parenthesised group being one
; declaration named after its first name. Structs and interfaces are type declarations: Go has no
; containers. The package clause and imports are glue.

(function_declaration
  name: (identifier) @function.name
  body: (block (statement_list)? @function.body)) @function

(method_declaration
  receiver: (parameter_list
    (parameter_declaration
      type: [(type_identifier) @function.parent
             (pointer_type (type_identifier) @function.parent)
             (generic_type type: (type_identifier) @function.parent)
             (pointer_type (generic_type type: (type_identifier) @function.parent))]))
  name: (field_identifier) @function.name
  body: (block (statement_list)? @function.body)) @function

; A receiver the pattern above does not read (a parenthesised type, `(s *(Server))`): a method without
; a parent.
(method_declaration
  receiver: (parameter_list) @_receiver
  name: (field_identifier) @function.name
  body: (block (statement_list)? @function.body)
  (#match? @_receiver "^[(].*[(]")) @function

(source_file
  (type_declaration
    [(type_spec name: (type_identifier) @declaration.name)
     (type_alias name: (type_identifier) @declaration.name)]) @declaration)

(source_file
  (const_declaration
    (const_spec name: (identifier) @declaration.name)) @declaration)

(source_file
  (var_declaration
    [(var_spec name: (identifier) @declaration.name)
     (var_spec_list (var_spec name: (identifier) @declaration.name))]) @declaration)
