// drizzle-kit reads tables from a module's top-level exports; the PostgreSQL tables are
// derived at load (db/pg/derive-schema.ts), so this CommonJS shim exports them by name.
// drizzle-kit registers its TypeScript loader before requiring this file.
module.exports = require("./schema.ts").pgSchema.tables;
