; What is a function and a declaration in C (captures: docs/chunking.md).
;   @function     every function definition (with a body; K&R parameter declarations included), named by the
;                 identifier inside its declarator: `f(...)`, `*f(...)`, `**f(...)`, `(*f(...))(...)`; other
;                 shapes (a macro-made name) are still functions, without a name.
;   @declaration  struct/union/enum definitions (with a body), typedefs, `const` variables with an
;                 initializer, function-like macros (`#define F(x) ...`).
;   glue          prototypes, `extern` and other variables, object-like macros (`#define N 1`, include
;                 guards), `#include`, `#pragma`.
;   @block        `#if`/`#ifdef` blocks with their `#elif`/`#else` branches, and `extern "C" { }`: functions
;                 inside them are top-level functions; the `#if ... #endif` lines travel with them.
; C has no containers: a struct holds no functions. Leading comments attach through languages.json.
; When several patterns capture one node, the first to complete wins: a catch-all pattern ends on the node's
; last child (the body, the `;`) so that the named patterns before it complete first.

(function_definition
  declarator: [
    (function_declarator declarator: (identifier) @function.name)
    (pointer_declarator declarator: (function_declarator declarator: (identifier) @function.name))
    (pointer_declarator
      declarator: (pointer_declarator declarator: (function_declarator declarator: (identifier) @function.name)))
    (function_declarator
      declarator: (parenthesized_declarator
        (pointer_declarator declarator: (function_declarator declarator: (identifier) @function.name))))
  ]
  body: (compound_statement) @function.body) @function

; `NAME(args) {` after a macro the parser could not read (`JEMALLOC_INLINE int\nf(void) {`, `TEST(x) {`): the
; parser takes NAME for a type and `(args)` for the declarator.
(function_definition
  type: (type_identifier) @function.name
  declarator: (parenthesized_declarator)
  body: (compound_statement) @function.body
  (#not-match? @function.name "^(if|else|for|while|do|switch|case|return|sizeof)$")) @function

; Any other function definition: a function without a name.
(function_definition
  body: (compound_statement) @function.body) @function

; Types.
(struct_specifier
  name: (type_identifier)? @declaration.name
  body: (field_declaration_list)) @declaration

(union_specifier
  name: (type_identifier)? @declaration.name
  body: (field_declaration_list)) @declaration

(enum_specifier
  name: (type_identifier)? @declaration.name
  body: (enumerator_list)) @declaration

(type_definition
  declarator: [
    (type_identifier) @declaration.name
    (pointer_declarator declarator: (type_identifier) @declaration.name)
    (array_declarator declarator: (type_identifier) @declaration.name)
    (function_declarator
      declarator: (parenthesized_declarator (pointer_declarator declarator: (type_identifier) @declaration.name)))
    (function_declarator declarator: (type_identifier) @declaration.name)
  ]) @declaration

; Any other typedef: a declaration without a name.
(type_definition
  ";") @declaration

; Constants: `const` variables with an initializer (`static const char *const names[] = {...}`).
(declaration
  (type_qualifier) @_const
  declarator: (init_declarator
    declarator: [
      (identifier) @declaration.name
      (array_declarator declarator: (identifier) @declaration.name)
      (pointer_declarator declarator: (identifier) @declaration.name)
      (pointer_declarator declarator: (array_declarator declarator: (identifier) @declaration.name))
      (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @declaration.name))
      (array_declarator declarator: (array_declarator declarator: (identifier) @declaration.name))
    ])
  (#eq? @_const "const")) @declaration

; Function-like macros; object-like ones (`#define N 1`, include guards) stay glue.
(preproc_function_def
  name: (identifier) @declaration.name) @declaration

; Functions under preprocessor conditionals and in `extern "C" { }` are top-level functions.
(preproc_if) @block
(preproc_ifdef) @block
(linkage_specification) @block

; A scan reaches 5 levels down: every 4th branch of a long `#if`/`#elif`/.../`#else` chain is scanned too, from
; the chain's head only (scanning every branch would rescan each one from all the branches above it).
(preproc_if alternative: (_ alternative: (_ alternative: (_ alternative: (_) @scan))))
(preproc_if alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_) @scan))))))))
(preproc_if alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_) @scan))))))))))))
(preproc_if alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_) @scan))))))))))))))))
(preproc_if alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_) @scan))))))))))))))))))))
(preproc_if alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_) @scan))))))))))))))))))))))))
(preproc_ifdef alternative: (_ alternative: (_ alternative: (_ alternative: (_) @scan))))
(preproc_ifdef alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_) @scan))))))))
(preproc_ifdef alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_) @scan))))))))))))
(preproc_ifdef alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_) @scan))))))))))))))))
(preproc_ifdef alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_) @scan))))))))))))))))))))
(preproc_ifdef alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_ alternative: (_) @scan))))))))))))))))))))))))
