#include "app/catalog/BuiltinCatalog.h"

#include <QFile>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcCatalog, "keyway.catalog")

namespace {

ModelCatalog read()
{
    QFile file(QStringLiteral(":/catalog/models.json"));
    const Result<ModelCatalog> catalog = file.open(QIODevice::ReadOnly)
        ? ModelCatalog::fromJson(file.readAll())
        : Result<ModelCatalog>(invalidInput(file.errorString()));
    // A test (TestModelCatalog) reads the same file, so a broken one fails the build's tests
    // rather than reaching anyone; should it still happen, routing goes on by the id rules.
    if (!catalog) {
        qCCritical(lcCatalog) << "the built-in model catalog cannot be read:"
                              << catalog.failure().message;
        return {};
    }
    return *catalog;
}

} // namespace

const ModelCatalog& BuiltinCatalog::get()
{
    static const ModelCatalog catalog = read();
    return catalog;
}
