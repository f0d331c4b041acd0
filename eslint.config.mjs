import next from "eslint-config-next";

export default [
  ...next,
  { ignores: [".next/**", "node_modules/**", "db/migrations/**", "data/**", "test-results/**", "playwright-report/**"] },
];
