import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertExactCover, rows, testChunker } from '../../helpers/chunking';

const SAMPLE = `import React, { forwardRef, useCallback, useState } from 'react';
import styled from 'styled-components';

export interface TodoProps<T> {
  items: T[];
  render?: (item: T) => React.ReactNode;
}

const List = styled.ul\`
  margin: 0;
\`;

/** One row of the list. */
function Row({ label }: { label: string }) {
  return <li className="row">{label}</li>;
}

export const TodoList = <T extends { id: string; label: string }>({ items, render }: TodoProps<T>) => {
  const [done, setDone] = useState<string[]>([]);
  const toggle = useCallback((id: string) => {
    setDone((d) => (d.includes(id) ? d.filter((x) => x !== id) : [...d, id]));
  }, []);
  return (
    <List>
      {items.map((item) => (
        <Row key={item.id} label={render ? String(render(item)) : item.label} />
      ))}
      <button onClick={() => toggle(items[0].id)}>{done.length}</button>
    </List>
  );
};

export const Input = forwardRef<HTMLInputElement, { value: string }>((props, ref) => {
  return <input ref={ref} {...props} />;
});
Input.displayName = 'Input';

export class Counter extends React.Component<{ start: number }, { n: number }> {
  state = { n: this.props.start };

  increment = () => {
    this.setState(({ n }) => ({ n: n + 1 }));
  };

  render() {
    return <span onClick={this.increment}>{this.state.n}</span>;
  }
}

export default function App() {
  const [items] = useState([{ id: '1', label: 'one' }]);
  return <TodoList items={items} />;
}
`;

const BROKEN = `import React from 'react';

export function Header({ title }: { title: string }) {
  return <h1>{title}</h1>;
}

export const List = ({ items }: { items: string[] }) => {
  return <ul>{items.map((item) => <li key={item}>{item}</li>}</ul>;
};

export function Footer() {
  return <footer>bye</footer>;
}
`;

describe('chunking TSX', () => {
  it('finds components (function, arrow, forwardRef, class) with their JSX inside, declarations and glue', async () => {
    const file = await testChunker().chunkFile({ path: 'TodoList.tsx', text: SAMPLE });
    assertExactCover(SAMPLE, file);
    assert.deepEqual(rows(file), [
      ['glue', undefined, undefined, 1, 3],
      ['declaration', 'TodoProps', undefined, 4, 8],
      ['declaration', 'List', undefined, 9, 12], // a tagged template: a declaration
      ['function', 'Row', undefined, 13, 17],
      ['function', 'TodoList', undefined, 18, 32], // a generic arrow component: hooks, callbacks and JSX stay inside
      ['function', 'Input', undefined, 33, 35], // forwardRef((props, ref) => …)
      ['glue', undefined, undefined, 36, 37], // Input.displayName = …: not a function
      ['container-header', 'Counter', undefined, 38, 40], // with the state field
      ['method', 'increment', 'Counter', 41, 44], // a field holding an arrow function
      ['method', 'render', 'Counter', 45, 47],
      ['container-footer', 'Counter', undefined, 48, 49],
      ['function', 'App', undefined, 50, 53],
    ]);
    assert.equal(file.parseErrors, 0);
    assert.equal(file.fallbackReason, undefined);
  });

  it('chunks what parses around a syntax error and never throws', async () => {
    const file = await testChunker().chunkFile({ path: 'Page.tsx', text: BROKEN });
    assertExactCover(BROKEN, file);
    assert.deepEqual(rows(file), [
      ['glue', undefined, undefined, 1, 2],
      ['function', 'Header', undefined, 3, 6],
      ['function', 'List', undefined, 7, 10],
      ['function', 'Footer', undefined, 11, 13],
    ]);
    assert.ok(file.parseErrors > 0);
    assert.equal(file.fallbackReason, undefined);

    // An unbalanced JSX expression swallows the rest of the file: what precedes it is still chunked.
    const worse = BROKEN.replace('<li key={item}>{item}</li>}', '{</li>');
    const broken = await testChunker().chunkFile({ path: 'Page.tsx', text: worse });
    assertExactCover(worse, broken);
    assert.deepEqual(rows(broken).slice(0, 2), [
      ['glue', undefined, undefined, 1, 2],
      ['function', 'Header', undefined, 3, 6],
    ]);
    assert.ok(broken.parseErrors > 0);
  });
});
