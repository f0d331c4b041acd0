import next from "eslint-config-next";

const config = [
  ...next,
  { ignores: [".next/**", "node_modules/**", "db/migrations/**", "data/**", "test-results/**", "playwright-report/**", "e2e/.data/**", "e2e/.auth/**"] },
];

export default config;
