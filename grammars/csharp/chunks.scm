; What is a function, container and declaration in C# (captures: docs/chunking.md).
;
; Functions: methods, constructors, destructors, operators and conversion operators with a body (a block or
; `=> expr`); properties, indexers and events whose accessors have bodies (`get { ... }`, `get => ...`) or
; whose value is `=> expr`, named after the property (`this` for an indexer). Auto-properties
; (`{ get; set; }`), fields, abstract and interface members without a body stay in the container's header
; or glue. Local functions and lambdas stay inside their method; a local function among top-level
; statements (C# 9 `Program.cs`) is a function. Attributes (`[Obsolete]`) are part of the declaration's
; node; `///` and `//` comments directly above join it (languages.json: attachBefore).
; Containers: classes, structs, interfaces, records (class and struct). Enums and delegates are
; declarations (enums have no methods); so is a container without functions.
; Namespaces: `namespace X { }`; a file-scoped `namespace X;` names the whole file (the capture is the
; compilation unit), so the usings above it join its header and every type after it has the parent X.
; `#if`/`#elif`/`#else` blocks among members are searched like their surroundings; the `#if ... #endif`
; lines travel with what is found there.

(method_declaration
  name: (identifier) @function.name
  body: [(block) @function.body (arrow_expression_clause)]) @function

(constructor_declaration
  name: (identifier) @function.name
  body: [(block) @function.body (arrow_expression_clause)]) @function

(destructor_declaration
  name: (identifier) @function.name
  body: [(block) @function.body (arrow_expression_clause)]) @function

(operator_declaration
  operator: _ @function.name
  body: [(block) @function.body (arrow_expression_clause)]) @function

(conversion_operator_declaration
  type: (_) @function.name
  body: [(block) @function.body (arrow_expression_clause)]) @function

; Properties, indexers and events with code: the accessors are the body's statements.
(property_declaration
  name: (identifier) @function.name
  accessors: (accessor_list
    (accessor_declaration body: (_))) @function.body) @function

(property_declaration
  name: (identifier) @function.name
  value: (arrow_expression_clause)) @function

(indexer_declaration
  "this" @function.name
  accessors: (accessor_list
    (accessor_declaration body: (_))) @function.body) @function

(indexer_declaration
  "this" @function.name
  value: (arrow_expression_clause)) @function

(event_declaration
  name: (identifier) @function.name
  accessors: (accessor_list
    (accessor_declaration body: (_))) @function.body) @function

; Top-level statements: a local function there is a function of the file.
(global_statement
  (local_function_statement
    name: (identifier) @function.name
    body: [(block) @function.body (arrow_expression_clause)]) @function)

(class_declaration name: (identifier) @container.name) @container
(struct_declaration name: (identifier) @container.name) @container
(interface_declaration name: (identifier) @container.name) @container
(record_declaration name: (identifier) @container.name) @container

(enum_declaration name: (identifier) @declaration.name) @declaration
(delegate_declaration name: (identifier) @declaration.name) @declaration

(namespace_declaration name: (_) @namespace.name) @namespace

(compilation_unit
  (file_scoped_namespace_declaration name: (_) @namespace.name)) @namespace

(preproc_if) @block
(preproc_elif) @scan
(preproc_else) @scan
