/** Domain folder of lib/ → the domain folders its files may import (see lib-domains.mjs). */
export declare const LIB_DOMAINS: Readonly<Record<string, readonly string[]>>;
/** The lib/ domains components may import. */
export declare const COMPONENT_LIB_DOMAINS: readonly string[];
