#include "app/catalog/BuiltinCatalog.h"

#include <QFile>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcCatalog, "keyway.catalog")

namespace {

ModelCatalog read()
{
    QFile file(QStringLiteral(":/catalog/models.json"));
    QString error;
    std::optional<ModelCatalog> catalog;
    if (file.open(QIODevice::ReadOnly))
        catalog = ModelCatalog::fromJson(file.readAll(), &error);
    else
        error = file.errorString();
    // A test (TestModelCatalog) reads the same file, so a broken one fails the build's tests
    // rather than reaching anyone; should it still happen, routing goes on by the id rules.
    if (!catalog) {
        qCCritical(lcCatalog) << "the built-in model catalog cannot be read:" << error;
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
