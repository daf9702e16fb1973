#pragma once

#include "app/sql/SqlDatabase.h"

// The numbered steps that bring the configuration database from empty to the current schema
// (see SqlDatabase::migrate).
class SchemaMigrations
{
public:
    static int latestVersion();
    static const SqlDatabase::Migrations& steps();
};
