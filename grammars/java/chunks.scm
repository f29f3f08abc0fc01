; What is a function, container and declaration in Java (captures: docs/chunking.md).
;
; Functions: methods, constructors and compact record constructors that have a body, when they are members
; of a class, record, enum, enum constant body (see below), interface (default, static and private methods)
; or of the file itself. Abstract and interface methods without a body stay in the container's header or
; glue; static and instance initializer blocks are glue inside their class. Annotations are part of the
; declaration's node; Javadoc and `//` comments directly above join it (languages.json: attachBefore).
; Containers: classes, interfaces, enums, records, annotation types, and enum constants with a body when
; no members follow the constants (`RED { ... }`: its methods have the parent `Color.RED`). A container
; without methods is one declaration chunk (an enum of plain constants, an annotation type, a record
; without a body).
; Every pattern names the member's owner, so anonymous classes (`new Runnable() { ... }` in a field's
; initializer: no `body:` field) and local classes stay inside the code around them: nothing in them is a
; definition. Lambdas stay inside their method.

; Members of a class or record body (anonymous classes have no `body:` field; enum constants: below).
(class_declaration
  body: (class_body
    (method_declaration
      name: (identifier) @function.name
      body: (block) @function.body) @function))

(record_declaration
  body: (class_body
    (method_declaration
      name: (identifier) @function.name
      body: (block) @function.body) @function))

(class_declaration
  body: (class_body
    (constructor_declaration
      name: (identifier) @function.name
      body: (constructor_body) @function.body) @function))

(record_declaration
  body: (class_body
    (constructor_declaration
      name: (identifier) @function.name
      body: (constructor_body) @function.body) @function))

(record_declaration
  body: (class_body
    (compact_constructor_declaration
      name: (identifier) @function.name
      body: (block) @function.body) @function))

(class_declaration
  body: (class_body
    [(class_declaration name: (identifier) @container.name)
     (interface_declaration name: (identifier) @container.name)
     (enum_declaration name: (identifier) @container.name)
     (record_declaration name: (identifier) @container.name)
     (annotation_type_declaration name: (identifier) @container.name)] @container))

(record_declaration
  body: (class_body
    [(class_declaration name: (identifier) @container.name)
     (interface_declaration name: (identifier) @container.name)
     (enum_declaration name: (identifier) @container.name)
     (record_declaration name: (identifier) @container.name)
     (annotation_type_declaration name: (identifier) @container.name)] @container))

; Members of an enum (after the constants).
(enum_body_declarations
  (method_declaration
    name: (identifier) @function.name
    body: (block) @function.body) @function)

(enum_body_declarations
  (constructor_declaration
    name: (identifier) @function.name
    body: (constructor_body) @function.body) @function)

(enum_body_declarations
  [(class_declaration name: (identifier) @container.name)
   (interface_declaration name: (identifier) @container.name)
   (enum_declaration name: (identifier) @container.name)
   (record_declaration name: (identifier) @container.name)
   (annotation_type_declaration name: (identifier) @container.name)] @container)

; Enum constants with a body are anonymous subclasses: containers named after the constant, unless members
; follow the `;` that ends the constants. Rendering keeps whole chunks, and that `;` must stay whenever a
; member after it does: there the constants, through the `;`, stay in the enum's header and nothing in
; their bodies is a definition. (`@_after` is absent, or is the `;` alone.)
(enum_body
  (enum_constant
    name: (identifier) @container.name
    body: (class_body)) @container
  (enum_body_declarations)? @_after
  (#not-match? @_after "^;\\s*\\S"))

(enum_body
  (enum_constant
    body: (class_body
      (method_declaration
        name: (identifier) @function.name
        body: (block) @function.body) @function))
  (enum_body_declarations)? @_after
  (#not-match? @_after "^;\\s*\\S"))

(enum_body
  (enum_constant
    body: (class_body
      [(class_declaration name: (identifier) @container.name)
       (interface_declaration name: (identifier) @container.name)
       (enum_declaration name: (identifier) @container.name)
       (record_declaration name: (identifier) @container.name)
       (annotation_type_declaration name: (identifier) @container.name)] @container))
  (enum_body_declarations)? @_after
  (#not-match? @_after "^;\\s*\\S"))

; Members of an interface (default, static and private methods have a body) or an annotation type.
(interface_body
  (method_declaration
    name: (identifier) @function.name
    body: (block) @function.body) @function)

(interface_body
  [(class_declaration name: (identifier) @container.name)
   (interface_declaration name: (identifier) @container.name)
   (enum_declaration name: (identifier) @container.name)
   (record_declaration name: (identifier) @container.name)
   (annotation_type_declaration name: (identifier) @container.name)] @container)

(annotation_type_body
  [(class_declaration name: (identifier) @container.name)
   (interface_declaration name: (identifier) @container.name)
   (enum_declaration name: (identifier) @container.name)
   (record_declaration name: (identifier) @container.name)
   (annotation_type_declaration name: (identifier) @container.name)] @container)

; Top-level types (and methods: the grammar accepts them at the top, as in JShell snippets).
(program
  [(class_declaration name: (identifier) @container.name)
   (interface_declaration name: (identifier) @container.name)
   (enum_declaration name: (identifier) @container.name)
   (record_declaration name: (identifier) @container.name)
   (annotation_type_declaration name: (identifier) @container.name)] @container)

(program
  (method_declaration
    name: (identifier) @function.name
    body: (block) @function.body) @function)

; module-info.java
(program
  (module_declaration
    name: (_) @declaration.name) @declaration)
