// Runs the search box's ranking (components/ui/map_view/frontend/ranking.js, over searchindex.js) outside the browser, for
// tests/test_search_ranking.py: argv[2] is a map's view data (JSON, as drawing.payload makes it); each
// line of stdin a query; each line of stdout the ids found for it, best first, as a JSON list.
import { readFileSync } from "node:fs";
import { search } from "../../components/ui/map_view/frontend/ranking.js";
import { buildIndex } from "../../components/ui/map_view/frontend/searchindex.js";

const graph = JSON.parse(readFileSync(process.argv[2], "utf8"));
const index = buildIndex(graph);
const queries = readFileSync(0, "utf8").split("\n").filter(Boolean);
for (const query of queries) console.log(JSON.stringify(search(index, query, 40).map((entry) => entry.id)));
