#pragma once

#include "router/catalog/ModelCatalog.h"

// The model catalog Keyway ships (resources/catalog/models.json, built into the library).
class BuiltinCatalog
{
public:
    // Read once; the same catalog for every caller and thread.
    static const ModelCatalog& get();
};
