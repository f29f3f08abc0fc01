; What is a function, container, namespace and declaration in C++ (captures: docs/chunking.md).
;   @function     every function definition with a body (`= default`/`= delete` ones are glue), in or out of
;                 its class: methods, constructors (with initializer lists, function-try-blocks), destructors,
;                 operators, conversion operators, friends defined in class. A `template<...>` (or two, for
;                 a member template of a class template) is captured as the outer node, so it stays with the
;                 function. Named by the declarator's identifier behind `*`/`&` and qualifications;
;                 `A::f`, `ns::A::f`, `A<T>::f` take the innermost scope (`A`) as @function.parent (the engine
;                 joins it to the enclosing namespaces: `namespace ns { void A::f() {} }` gives `ns.A`; a
;                 qualified `ns::A::f` at top level gives `A`, since no node spans `ns::A`).
;   @container    class/struct/union with a body (and its `template<...>`): in-class definitions are methods;
;                 declared-only members, fields and access specifiers stay in the header and glue; one
;                 without member definitions becomes a declaration.
;   @namespace    `namespace` (named, nested `a::b`, anonymous, inline): its functions stay functions.
;   @declaration  enums, typedefs, `using X = ...` (and alias templates), concepts, `const`/`constexpr`
;                 variables with an initializer, function-like macros.
;   glue          prototypes, forward declarations, `using`/`using namespace`, other variables, object-like
;                 macros (`#define N 1`, include guards), `#include`, `#pragma`.
;   @block        `#if`/`#ifdef` blocks with their `#elif`/`#else` branches, and `extern "C" { }`: definitions
;                 inside them count as if they were outside; the `#if ... #endif` lines travel with them.
; Lambdas stay inside their function. When several patterns capture one node, the first to complete wins:
; the catch-all patterns end on the body, so that the named ones, which complete no later, win.

; Functions, named by the declarator's identifier: `f(...)`, behind `*`/`&` (`*f(...)`, `&f(...)`, `**f(...)`),
; unqualified (`f`, `~A`, `operator==`, `f<int>`) or qualified up to three times (`A::f`, `ns::A::f`, `A<T>::f`:
; the innermost scope is the parent), or a conversion operator (`operator bool() const`, `A::operator T*() const`).
; A query has no macros: the three patterns repeat these alternatives under each wrapper (none, template<...>,
; and the template<...> template<...> of a member template of a class template, defined out of class).
(function_definition
  declarator: [
    (function_declarator declarator: [
      (identifier) @function.name (field_identifier) @function.name (destructor_name) @function.name (operator_name) @function.name (template_function) @function.name (template_method) @function.name
      (qualified_identifier scope: [(namespace_identifier) @function.parent (template_type name: (_) @function.parent)]
        name: [(identifier) @function.name (field_identifier) @function.name (destructor_name) @function.name (operator_name) @function.name (template_function) @function.name (template_method) @function.name])
      (qualified_identifier name: (qualified_identifier scope: [(namespace_identifier) @function.parent (template_type name: (_) @function.parent)]
        name: [(identifier) @function.name (field_identifier) @function.name (destructor_name) @function.name (operator_name) @function.name (template_function) @function.name (template_method) @function.name]))
      (qualified_identifier name: (qualified_identifier name: (qualified_identifier scope: [(namespace_identifier) @function.parent (template_type name: (_) @function.parent)]
        name: [(identifier) @function.name (field_identifier) @function.name (destructor_name) @function.name (operator_name) @function.name (template_function) @function.name (template_method) @function.name])))
    ])
    (_ (function_declarator declarator: [
      (identifier) @function.name (field_identifier) @function.name (destructor_name) @function.name (operator_name) @function.name (template_function) @function.name (template_method) @function.name
      (qualified_identifier scope: [(namespace_identifier) @function.parent (template_type name: (_) @function.parent)]
        name: [(identifier) @function.name (field_identifier) @function.name (destructor_name) @function.name (operator_name) @function.name (template_function) @function.name (template_method) @function.name])
      (qualified_identifier name: (qualified_identifier scope: [(namespace_identifier) @function.parent (template_type name: (_) @function.parent)]
        name: [(identifier) @function.name (field_identifier) @function.name (destructor_name) @function.name (operator_name) @function.name (template_function) @function.name (template_method) @function.name]))
      (qualified_identifier name: (qualified_identifier name: (qualified_identifier scope: [(namespace_identifier) @function.parent (template_type name: (_) @function.parent)]
        name: [(identifier) @function.name (field_identifier) @function.name (destructor_name) @function.name (operator_name) @function.name (template_function) @function.name (template_method) @function.name])))
    ]))
    (_ (_ (function_declarator declarator: [
      (identifier) @function.name (field_identifier) @function.name (destructor_name) @function.name (operator_name) @function.name (template_function) @function.name (template_method) @function.name
      (qualified_identifier scope: [(namespace_identifier) @function.parent (template_type name: (_) @function.parent)]
        name: [(identifier) @function.name (field_identifier) @function.name (destructor_name) @function.name (operator_name) @function.name (template_function) @function.name (template_method) @function.name])
      (qualified_identifier name: (qualified_identifier scope: [(namespace_identifier) @function.parent (template_type name: (_) @function.parent)]
        name: [(identifier) @function.name (field_identifier) @function.name (destructor_name) @function.name (operator_name) @function.name (template_function) @function.name (template_method) @function.name]))
      (qualified_identifier name: (qualified_identifier name: (qualified_identifier scope: [(namespace_identifier) @function.parent (template_type name: (_) @function.parent)]
        name: [(identifier) @function.name (field_identifier) @function.name (destructor_name) @function.name (operator_name) @function.name (template_function) @function.name (template_method) @function.name])))
    ])))
    (operator_cast) @function.name
    (qualified_identifier scope: [(namespace_identifier) @function.parent (template_type name: (_) @function.parent)] name: (operator_cast) @function.name)
  ]
  [(compound_statement) (try_statement)] @function.body
  (#not-match? @function.name "^(if|else|for|while|do|switch|case|return|sizeof|catch)$")) @function

(template_declaration
  (function_definition
    declarator: [
      (function_declarator declarator: [
        (identifier) @function.name (field_identifier) @function.name (destructor_name) @function.name (operator_name) @function.name (template_function) @function.name (template_method) @function.name
        (qualified_identifier scope: [(namespace_identifier) @function.parent (template_type name: (_) @function.parent)]
          name: [(identifier) @function.name (field_identifier) @function.name (destructor_name) @function.name (operator_name) @function.name (template_function) @function.name (template_method) @function.name])
        (qualified_identifier name: (qualified_identifier scope: [(namespace_identifier) @function.parent (template_type name: (_) @function.parent)]
          name: [(identifier) @function.name (field_identifier) @function.name (destructor_name) @function.name (operator_name) @function.name (template_function) @function.name (template_method) @function.name]))
        (qualified_identifier name: (qualified_identifier name: (qualified_identifier scope: [(namespace_identifier) @function.parent (template_type name: (_) @function.parent)]
          name: [(identifier) @function.name (field_identifier) @function.name (destructor_name) @function.name (operator_name) @function.name (template_function) @function.name (template_method) @function.name])))
      ])
      (_ (function_declarator declarator: [
        (identifier) @function.name (field_identifier) @function.name (destructor_name) @function.name (operator_name) @function.name (template_function) @function.name (template_method) @function.name
        (qualified_identifier scope: [(namespace_identifier) @function.parent (template_type name: (_) @function.parent)]
          name: [(identifier) @function.name (field_identifier) @function.name (destructor_name) @function.name (operator_name) @function.name (template_function) @function.name (template_method) @function.name])
        (qualified_identifier name: (qualified_identifier scope: [(namespace_identifier) @function.parent (template_type name: (_) @function.parent)]
          name: [(identifier) @function.name (field_identifier) @function.name (destructor_name) @function.name (operator_name) @function.name (template_function) @function.name (template_method) @function.name]))
        (qualified_identifier name: (qualified_identifier name: (qualified_identifier scope: [(namespace_identifier) @function.parent (template_type name: (_) @function.parent)]
          name: [(identifier) @function.name (field_identifier) @function.name (destructor_name) @function.name (operator_name) @function.name (template_function) @function.name (template_method) @function.name])))
      ]))
      (operator_cast) @function.name
      (qualified_identifier scope: [(namespace_identifier) @function.parent (template_type name: (_) @function.parent)] name: (operator_cast) @function.name)
    ]
    [(compound_statement) (try_statement)] @function.body
    (#not-match? @function.name "^(if|else|for|while|do|switch|case|return|sizeof|catch)$"))) @function

(template_declaration
  (template_declaration
    (function_definition
      declarator: [
        (function_declarator declarator: [
          (qualified_identifier scope: [(namespace_identifier) @function.parent (template_type name: (_) @function.parent)]
            name: [(identifier) @function.name (field_identifier) @function.name (destructor_name) @function.name (operator_name) @function.name (template_function) @function.name (template_method) @function.name])
          (qualified_identifier name: (qualified_identifier scope: [(namespace_identifier) @function.parent (template_type name: (_) @function.parent)]
            name: [(identifier) @function.name (field_identifier) @function.name (destructor_name) @function.name (operator_name) @function.name (template_function) @function.name (template_method) @function.name]))
        ])
        (_ (function_declarator declarator: [
          (qualified_identifier scope: [(namespace_identifier) @function.parent (template_type name: (_) @function.parent)]
            name: [(identifier) @function.name (field_identifier) @function.name (destructor_name) @function.name (operator_name) @function.name (template_function) @function.name (template_method) @function.name])
          (qualified_identifier name: (qualified_identifier scope: [(namespace_identifier) @function.parent (template_type name: (_) @function.parent)]
            name: [(identifier) @function.name (field_identifier) @function.name (destructor_name) @function.name (operator_name) @function.name (template_function) @function.name (template_method) @function.name]))
        ]))
        (qualified_identifier scope: [(namespace_identifier) @function.parent (template_type name: (_) @function.parent)] name: (operator_cast) @function.name)
      ]
      [(compound_statement) (try_statement)] @function.body
      (#not-match? @function.name "^(if|else|for|while|do|switch|case|return|sizeof|catch)$")))) @function

; `A::f(...) {` that the parser, recovering from an error above (its ERROR node holds the rest of the file),
; reads as a bit-field `A : f(...)` of a class body (`T& A::f(...)`: `& A : f(...)`).
(function_definition
  declarator: [(field_identifier) @function.parent (_ (field_identifier) @function.parent)]
  (ERROR (bitfield_clause (call_expression function: (identifier) @function.name)))
  [(compound_statement) (try_statement)] @function.body) @function

; Any other function definition (a name made by a macro, `(*f(...))(...)`, four qualifications): a function
; without a name. It ends on the body, so that the named patterns above, which complete no later, win.
(function_definition
  [(compound_statement) (try_statement)] @function.body) @function

(template_declaration
  (function_definition
    [(compound_statement) (try_statement)] @function.body)) @function

; Classes, structs and unions with a body. `template<...> class X {...};` ends after the `;`, the class
; before it: the bare patterns list the parents a class can have other than a template, so that a class is
; not captured twice.
(template_declaration
  (_ name: (_)? @container.name body: (field_declaration_list))) @container

(translation_unit (_ name: (_)? @container.name body: (field_declaration_list)) @container)
(declaration_list (_ name: (_)? @container.name body: (field_declaration_list)) @container)
(declaration (_ name: (_)? @container.name body: (field_declaration_list)) @container)
(field_declaration (_ name: (_)? @container.name body: (field_declaration_list)) @container)
(type_definition (_ name: (_)? @container.name body: (field_declaration_list)) @container)
(friend_declaration (_ name: (_)? @container.name body: (field_declaration_list)) @container)
(linkage_specification (_ name: (_)? @container.name body: (field_declaration_list)) @container)
(preproc_if (_ name: (_)? @container.name body: (field_declaration_list)) @container)
(preproc_ifdef (_ name: (_)? @container.name body: (field_declaration_list)) @container)
(preproc_elif (_ name: (_)? @container.name body: (field_declaration_list)) @container)
(preproc_elifdef (_ name: (_)? @container.name body: (field_declaration_list)) @container)
(preproc_else (_ name: (_)? @container.name body: (field_declaration_list)) @container)

(namespace_definition
  name: (_)? @namespace.name) @namespace

; Types and constants.
(enum_specifier
  name: (_)? @declaration.name
  body: (enumerator_list)) @declaration

(type_definition
  declarator: [
    (type_identifier) @declaration.name
    (pointer_declarator declarator: (type_identifier) @declaration.name)
    (reference_declarator (type_identifier) @declaration.name)
    (array_declarator declarator: (type_identifier) @declaration.name)
    (function_declarator
      declarator: (parenthesized_declarator (pointer_declarator declarator: (type_identifier) @declaration.name)))
    (function_declarator declarator: (type_identifier) @declaration.name)
  ]) @declaration

; Any other typedef: a declaration without a name.
(type_definition
  ";") @declaration

(template_declaration
  (alias_declaration name: (_) @declaration.name)) @declaration

(alias_declaration
  name: (_) @declaration.name) @declaration

(template_declaration
  (concept_definition name: (_) @declaration.name)) @declaration

; `const`/`constexpr` variables with an initializer.
(declaration
  (type_qualifier) @_const
  declarator: (init_declarator
    declarator: [
      (identifier) @declaration.name
      (array_declarator declarator: (identifier) @declaration.name)
      (pointer_declarator declarator: (identifier) @declaration.name)
      (pointer_declarator declarator: (array_declarator declarator: (identifier) @declaration.name))
      (pointer_declarator declarator: (pointer_declarator declarator: (identifier) @declaration.name))
      (reference_declarator (identifier) @declaration.name)
    ])
  (#any-of? @_const "const" "constexpr" "constinit")) @declaration

; Function-like macros; object-like ones (`#define N 1`, include guards) stay glue.
(preproc_function_def
  name: (identifier) @declaration.name) @declaration

; Definitions under preprocessor conditionals and in `extern "C" { }` count as if they were outside.
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
