import { canonicalJson } from '../../../src/domain/canonical-json';

describe('canonicalJson', () => {
  it('gives the same text for objects whose keys were inserted in a different order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: 'x' } })).toBe(canonicalJson({ a: { c: 'x', d: [1, { y: 2, z: 1 }] }, b: 1 }));
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });

  it('leaves out undefined properties, as JSON and jsonb do', () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
  });

  it('escapes strings exactly as JSON does', () => {
    expect(canonicalJson({ 'k"': 'line\nbreak ü' })).toBe('{"k\\"":"line\\nbreak ü"}');
  });

  it('writes a key it has written before the same way, escaped where JSON escapes it', () => {
    const object = { 'k"': 1, plain: 2 };

    expect(canonicalJson(object)).toBe('{"k\\"":1,"plain":2}');
    expect(canonicalJson(object)).toBe('{"k\\"":1,"plain":2}');
  });

  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/non-finite/);
    expect(() => canonicalJson(() => 1)).toThrow(/function/);
  });

  it('orders keys by UTF-16 code units and keeps arrays in their order', () => {
    expect(canonicalJson({ b: [3, 1, { y: true, x: null }], B: 'upper', a: [], é: {}, '10': 0, '9': 0 }))
      .toBe('{"10":0,"9":0,"B":"upper","a":[],"b":[3,1,{"x":null,"y":true}],"é":{}}');
  });

  it('refuses undefined inside an array, where JSON would have written null', () => {
    expect(() => canonicalJson([1, undefined])).toThrow(/undefined/);
  });
});
