; What is a function, container and declaration in Ruby (captures: docs/chunking.md).
;   @function     `def x`, `def self.x` / `def obj.x` (named `x`), endless `def x = ...`, and a def passed to a
;                 modifier call (`private def x`, `private_class_method def self.x`, `memoize def x`: the call is
;                 the outer node). Only where a def defines a method of its scope: at top level, directly in a
;                 class, module or `class << self` body, or in an `if`/`unless`/`else`/`begin` there. A def in a
;                 block (`Struct.new do ... end`, `class_eval do`, `included do`, `describe do`) stays inside the
;                 statement holding the block, like lambdas and blocks in a method. In a file the parser gave
;                 up on (an ERROR node holding the rest of the file), the defs it could read are still found.
;   @container    `class`, `module` (its defs are methods: a module's are mixed in or called on it) and
;                 `class << self` (named `self`: its methods are the class's own). One without defs becomes a
;                 declaration. `attr_accessor`, `include`, `private`, `alias_method`, constants' neighbours and
;                 other calls in a class body are glue between its methods.
;   @declaration  constants (`NAME = ...`, `A::NAME = ...`, `Point = Struct.new(...) do ... end`) at top level
;                 or in a class or module body.
;   glue          `require`, top-level calls, blocks, everything else.
;   @block        top-level (and class-level) `if`/`unless`/`case`/`begin`: defs inside them count as if outside;
;                 the block's opening and `end` lines travel with them.
; Leading `#` comments attach through languages.json.

; Methods, where a def defines one (not in blocks: see above).
(program
  [
    (method name: (_) @function.name body: (_)? @function.body)
    (singleton_method name: (_) @function.name body: (_)? @function.body)
    (call
      !receiver
      method: (identifier)
      arguments: (argument_list
        .
        [
          (method name: (_) @function.name body: (_)? @function.body)
          (singleton_method name: (_) @function.name body: (_)? @function.body)
        ]
        .))
  ] @function)

(class
  body: (body_statement
    [
      (method name: (_) @function.name body: (_)? @function.body)
      (singleton_method name: (_) @function.name body: (_)? @function.body)
      (call
        !receiver
        method: (identifier)
        arguments: (argument_list
          .
          [
            (method name: (_) @function.name body: (_)? @function.body)
            (singleton_method name: (_) @function.name body: (_)? @function.body)
          ]
          .))
    ] @function))

(module
  body: (body_statement
    [
      (method name: (_) @function.name body: (_)? @function.body)
      (singleton_method name: (_) @function.name body: (_)? @function.body)
      (call
        !receiver
        method: (identifier)
        arguments: (argument_list
          .
          [
            (method name: (_) @function.name body: (_)? @function.body)
            (singleton_method name: (_) @function.name body: (_)? @function.body)
          ]
          .))
    ] @function))

(singleton_class
  body: (body_statement
    [
      (method name: (_) @function.name body: (_)? @function.body)
      (singleton_method name: (_) @function.name body: (_)? @function.body)
      (call
        !receiver
        method: (identifier)
        arguments: (argument_list
          .
          [
            (method name: (_) @function.name body: (_)? @function.body)
            (singleton_method name: (_) @function.name body: (_)? @function.body)
          ]
          .))
    ] @function))

(then
  [
    (method name: (_) @function.name body: (_)? @function.body)
    (singleton_method name: (_) @function.name body: (_)? @function.body)
    (call
      !receiver
      method: (identifier)
      arguments: (argument_list
        .
        [
          (method name: (_) @function.name body: (_)? @function.body)
          (singleton_method name: (_) @function.name body: (_)? @function.body)
        ]
        .))
  ] @function)

(else
  [
    (method name: (_) @function.name body: (_)? @function.body)
    (singleton_method name: (_) @function.name body: (_)? @function.body)
    (call
      !receiver
      method: (identifier)
      arguments: (argument_list
        .
        [
          (method name: (_) @function.name body: (_)? @function.body)
          (singleton_method name: (_) @function.name body: (_)? @function.body)
        ]
        .))
  ] @function)

(begin
  [
    (method name: (_) @function.name body: (_)? @function.body)
    (singleton_method name: (_) @function.name body: (_)? @function.body)
    (call
      !receiver
      method: (identifier)
      arguments: (argument_list
        .
        [
          (method name: (_) @function.name body: (_)? @function.body)
          (singleton_method name: (_) @function.name body: (_)? @function.body)
        ]
        .))
  ] @function)

; Where the parser gave up (its ERROR node holds the rest of the file), the defs it could read.
(ERROR
  [
    (method name: (_) @function.name body: (_)? @function.body)
    (singleton_method name: (_) @function.name body: (_)? @function.body)
    (call
      !receiver
      method: (identifier)
      arguments: (argument_list
        .
        [
          (method name: (_) @function.name body: (_)? @function.body)
          (singleton_method name: (_) @function.name body: (_)? @function.body)
        ]
        .))
  ] @function)

(ERROR
  (body_statement
    [
      (method name: (_) @function.name body: (_)? @function.body)
      (singleton_method name: (_) @function.name body: (_)? @function.body)
      (call
        !receiver
        method: (identifier)
        arguments: (argument_list
          .
          [
            (method name: (_) @function.name body: (_)? @function.body)
            (singleton_method name: (_) @function.name body: (_)? @function.body)
          ]
          .))
    ] @function))

(class
  name: (_) @container.name) @container

(module
  name: (_) @container.name) @container

(singleton_class
  value: (_) @container.name) @container

; Constants.
(program
  (assignment left: [(constant) (scope_resolution)] @declaration.name) @declaration)

(class
  body: (body_statement
    (assignment left: [(constant) (scope_resolution)] @declaration.name) @declaration))

(module
  body: (body_statement
    (assignment left: [(constant) (scope_resolution)] @declaration.name) @declaration))

; Definitions under top-level (and class-level) conditionals and `begin` count as if they were outside. Only
; those are blocks: each `elsif` nests in the branch before it, and nested blocks would be rescanned from
; every block above them.
(program
  [(if) (unless) (case) (begin)] @block)

(class
  body: (body_statement
    [(if) (unless) (case) (begin)] @block))

(module
  body: (body_statement
    [(if) (unless) (case) (begin)] @block))

(singleton_class
  body: (body_statement
    [(if) (unless) (case) (begin)] @block))
