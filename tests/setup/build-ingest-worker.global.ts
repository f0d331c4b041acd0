import { buildIngestWorker } from "../../scripts/build-ingest-worker";

/** The routes store ingest on the writer thread: bundle it from the current sources first. */
export default function setup() {
  buildIngestWorker();
}
