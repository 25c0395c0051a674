/** A namespace of texts: a code for each text, or a nested group of codes. */
export interface TextGroup {
  readonly [code: string]: string | TextGroup;
}

// Every text becomes `string`, so the English file must fill exactly the Dutch file's shape.
type SameShape<T> = T extends string ? string : { readonly [K in keyof T]: SameShape<T[K]> };

/** The shape another language's file must have: the Dutch file's codes, with any text in them. */
export type ShapeOf<Dutch> = SameShape<Dutch>;
