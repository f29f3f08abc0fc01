; What is a function, container and declaration in Rust (captures: docs/chunking.md).
;
; Functions: `fn` items with a body. In an `impl` or `trait` block they are methods; in a `mod` or at the
; top they are functions. Trait methods without a body (`fn area(&self) -> f64;`) and `extern` blocks stay
; in the glue; fns and closures inside a function stay inside it. `///` and `//` comments and outer
; attributes (`#[inline]`, `#[cfg(test)]`) directly above join the item (languages.json: attachBefore;
; inner attributes `#![...]` belong to the enclosing module and do not).
; Containers: `impl X`, `impl Trait for X` and `trait T` blocks. An impl is named after its type, without
; path, type arguments or reference: `impl<T> fmt::Display for crate::List<T>` is `List`, so its methods
; have the parent `List` like those of `impl<T> List<T>` (the trait is in the header's text);
; `impl<'a> Read for &'a File` is `File`, `impl Hash for u8` is `u8`. A type without a name (`[T; 2]`,
; `(A, B)`, `()`, `dyn Trait`, `fn(A) -> B`) names the impl by its text.
; Namespaces: `mod m { ... }` (`mod m;` is glue).
; Declarations: structs, enums, unions, type aliases, consts, statics and `macro_rules!` macros, at the top
; or in a `mod`. Associated consts and types inside an impl or trait stay in its header or glue.
; Items inside a macro invocation (`cfg_if! { ... }`, tokio's `cfg_rt! { ... }`) are token trees to the
; parser: glue.

(function_item
  name: (identifier) @function.name
  body: (block) @function.body) @function

; impl blocks: named after the type (through a reference), or, for a type without a name, its text.
(impl_item
  type: [(type_identifier) @container.name
         (primitive_type) @container.name
         (scoped_type_identifier name: (type_identifier) @container.name)
         (generic_type type: (type_identifier) @container.name)
         (generic_type type: (scoped_type_identifier name: (type_identifier) @container.name))
         (reference_type
           type: [(type_identifier) @container.name
                  (primitive_type) @container.name
                  (scoped_type_identifier name: (type_identifier) @container.name)
                  (generic_type type: (type_identifier) @container.name)
                  (generic_type type: (scoped_type_identifier name: (type_identifier) @container.name))])]
  body: (declaration_list)) @container

(impl_item
  type: [(array_type) (tuple_type) (unit_type) (never_type) (dynamic_type) (function_type) (pointer_type)
         (abstract_type) (bounded_type) (macro_invocation) (metavariable) (removed_trait_bound)] @container.name
  body: (declaration_list)) @container

(impl_item
  type: (reference_type
    type: [(array_type) (tuple_type) (unit_type) (never_type) (dynamic_type) (function_type) (pointer_type)
           (abstract_type) (bounded_type) (macro_invocation) (metavariable) (removed_trait_bound)
           (reference_type)] @container.name)
  body: (declaration_list)) @container

(trait_item
  name: (type_identifier) @container.name
  body: (declaration_list)) @container

(mod_item
  name: (identifier) @namespace.name
  body: (declaration_list)) @namespace

(source_file
  [(struct_item name: (type_identifier) @declaration.name)
   (enum_item name: (type_identifier) @declaration.name)
   (union_item name: (type_identifier) @declaration.name)
   (type_item name: (type_identifier) @declaration.name)
   (const_item name: (identifier) @declaration.name)
   (static_item name: (identifier) @declaration.name)
   (macro_definition name: (identifier) @declaration.name)] @declaration)

(mod_item
  body: (declaration_list
    [(struct_item name: (type_identifier) @declaration.name)
     (enum_item name: (type_identifier) @declaration.name)
     (union_item name: (type_identifier) @declaration.name)
     (type_item name: (type_identifier) @declaration.name)
     (const_item name: (identifier) @declaration.name)
     (static_item name: (identifier) @declaration.name)
     (macro_definition name: (identifier) @declaration.name)] @declaration))
