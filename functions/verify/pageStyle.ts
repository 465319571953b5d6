import { createHash } from 'node:crypto';

/** The one style of the public pages (the verification page and the code form), allowed by its hash. */
export const PAGE_STYLE = `body{margin:0;font:16px/1.6 system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;\
color:#1a1a1a;background:#f6f4ef}main{max-width:40rem;margin:2rem auto;padding:1.5rem;background:#fff;\
border-top:4px solid #b31b1b}\
h1{font-size:1.4rem;margin:0 0 1rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}\
.status{font-size:1.5rem;font-weight:700;margin:0 0 1rem}.valid{color:#17693a}.revoked,.not-found{color:#b31b1b}\
.superseded{color:#9a5b00}dl{display:grid;grid-template-columns:max-content 1fr;gap:.4rem 1rem;margin:0}\
dt{color:#555}dd{margin:0;overflow-wrap:anywhere}code{font-size:.85rem}\
#check-result[data-outcome=match]{color:#17693a;font-weight:700}\
#check-result[data-outcome=mismatch]{color:#b31b1b;font-weight:700}.note{color:#555;font-size:.9rem}\
.entry{display:flex;flex-wrap:wrap;gap:.5rem}\
#code{flex:1 1 16rem;font:1.1rem/1.4 ui-monospace,monospace;letter-spacing:.05em;padding:.4rem .5rem;\
border:1px solid #888;border-radius:3px;text-transform:uppercase}\
button{font:inherit;padding:.4rem 1.2rem;border:0;border-radius:3px;background:#b31b1b;color:#fff;cursor:pointer}\
.error{color:#b31b1b;font-weight:700}`;

/** A CSP source allowing exactly this inline text. */
export const hashSource = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
