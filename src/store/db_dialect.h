/*
 * db_dialect: which SQL a connection speaks (db.h's db_dialect), shared by the interface
 * and its backends.
 */
#ifndef CERTTRACK_DB_DIALECT_H
#define CERTTRACK_DB_DIALECT_H

enum db_dialect { DB_DIALECT_SQLITE, DB_DIALECT_POSTGRES };

#endif
