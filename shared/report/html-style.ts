// A small hand-written stylesheet in the NHS.UK style (colours, type scale, tables, tags, focus),
// inlined into the report so it fetches nothing. Written by hand rather than inlining
// nhsuk-frontend's compiled CSS (about 200 KB, with font URLs the report could never load).
// Colours are NHS.UK palette values; text/background pairs meet WCAG 2.2 AA contrast.

export const REPORT_CSS = `
:root{--blue:#005eb8;--dark-blue:#003087;--text:#212b32;--secondary:#4c6272;--grey-4:#d8dde0;--grey-5:#f0f4f5;--white:#fff;--yellow:#ffeb3b;--red:#d5281b;--green:#007f3b;--warm-yellow:#ffb81c}
*{box-sizing:border-box}
html{font-family:Frutiger W01,Arial,Helvetica,sans-serif;color:var(--text);background:var(--grey-5);line-height:1.5}
body{margin:0;font-size:1rem}
a{color:var(--blue)}a:visited{color:#330072}
a:focus{outline:4px solid transparent;background:var(--yellow);box-shadow:0 -2px var(--yellow),0 4px var(--text);color:var(--text);text-decoration:none}
.skip-link{position:absolute;left:-9999px;top:0;padding:8px 16px;background:var(--yellow);color:var(--text)}
.skip-link:focus{left:0;z-index:10}
.header{background:var(--blue);color:var(--white);padding:16px 0}
.header p{margin:0;font-weight:700;font-size:1.1875rem}
.width{max-width:1000px;margin:0 auto;padding:0 16px}
main{padding:24px 0 48px}
h1{font-size:2.25rem;line-height:1.2;margin:0 0 16px}
h2{font-size:1.625rem;line-height:1.25;margin:40px 0 16px}
h3{font-size:1.25rem;margin:32px 0 12px}
h4{font-size:1.0625rem;margin:20px 0 8px}
p,ul,dl{margin:0 0 16px}
.lede{font-size:1.1875rem}
.panel{background:var(--white);border:1px solid var(--grey-4);padding:16px 24px;margin:0 0 24px}
.panel--warning{border-left:8px solid var(--warm-yellow)}
.summary{display:grid;grid-template-columns:max-content 1fr;gap:4px 24px}
.summary dt{font-weight:700}.summary dd{margin:0;overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%;margin:0 0 24px;background:var(--white)}
caption{text-align:left;font-weight:700;font-size:1.0625rem;padding:8px 0}
th,td{border-bottom:1px solid var(--grey-4);padding:8px 12px 8px 0;text-align:left;vertical-align:top}
thead th{border-bottom:2px solid var(--text)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;padding-right:12px}
.suppressed{color:var(--secondary);font-style:italic}
.tag{display:inline-block;padding:2px 8px;border:1px solid;font-weight:700;font-size:0.875rem;white-space:nowrap}
.tag--complete{color:#00401e;background:#cce5d8;border-color:#00401e}
.tag--partial{color:#4d3708;background:#fff9c4;border-color:#4d3708}
.tag--not-available{color:#262d30;background:#dbe0e3;border-color:#262d30}
.tag--missing{color:#6b140e;background:#f7d4d1;border-color:#6b140e}
.heat-0{background:#fff}.heat-1{background:#e8f1f8}.heat-2{background:#bbd4ea}.heat-3{background:#7eaad6}.heat-4{background:#003087;color:#fff}
.chart{background:var(--white);border:1px solid var(--grey-4);padding:8px;margin:0 0 16px;max-width:100%}
.chart svg{display:block;width:100%;height:auto}
.legend{font-size:0.875rem;color:var(--secondary)}
.answer{margin:0 0 12px}.answer dt{font-weight:700}.answer dd{margin:0 0 8px;white-space:pre-wrap}
.answer .missing{color:var(--red)}
.item{border-top:1px solid var(--grey-4);padding-top:8px}
.hint{color:var(--secondary);overflow-wrap:anywhere}
.table-scroll{overflow-x:auto;margin:0 0 8px}.table-scroll:focus{outline:4px solid var(--yellow);outline-offset:2px}
details{margin:0 0 24px}summary{color:var(--blue);cursor:pointer;text-decoration:underline}
.contents li{margin-bottom:4px}
.footer{border-top:4px solid var(--blue);background:var(--white);padding:16px 0;font-size:0.875rem;color:var(--secondary)}
@media print{
  html{background:#fff;font-size:11pt}
  .header{background:#fff;color:#000;border-bottom:3px solid #000}
  .skip-link,.contents{display:none}
  .table-scroll{overflow:visible}
  .panel,.chart{border:1px solid #999;break-inside:avoid}
  table{break-inside:auto}tr,.item{break-inside:avoid}
  h2,h3{break-after:avoid}
  a{color:#000;text-decoration:none}
  .heat-4{background:#003087!important;color:#fff!important;print-color-adjust:exact;-webkit-print-color-adjust:exact}
  .tag{print-color-adjust:exact;-webkit-print-color-adjust:exact}
}
`;
