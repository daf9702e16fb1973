#include "app/catalog/BuiltinCatalog.h"
#include "app/catalog/UserCatalog.h"
#include "app/store/SettingsStore.h"
#include "app/store/Store.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// The user's own models and aliases, kept in a real database, on top of the built-in catalog.
class TestUserCatalog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_file = 0;
    std::unique_ptr<Store> m_store;

    static QJsonObject localLlama()
    {
        return { { QStringLiteral("id"), QStringLiteral("local/llama-3.3") },
            { QStringLiteral("name"), QStringLiteral("Llama at home") },
            { QStringLiteral("aliases"), QJsonArray { QStringLiteral("home-llama") } },
            { QStringLiteral("context_length"), 131072 },
            { QStringLiteral("pricing"),
                QJsonObject {
                    { QStringLiteral("input"), 0.1 }, { QStringLiteral("output"), 0.2 } } },
            { QStringLiteral("native_ids"),
                QJsonObject {
                    { QStringLiteral("openai-compatible"), QStringLiteral("llama3.3:70b") } } } };
    }

    ModelCatalog loaded()
    {
        Result<ModelCatalog> catalog = UserCatalog::load(*m_store);
        if (!catalog)
            qFatal("load: %s", qPrintable(catalog.failure().message));
        return *catalog;
    }

    QString canonicalOf(const QString& name)
    {
        const ModelCatalog catalog = loaded();
        const ModelCatalog::Entry* entry = catalog.find(name);
        return entry ? entry->canonicalId : QString();
    }

    qsizetype userModelCount() { return m_store->settings().userModels()->size(); }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("t%1.db").arg(++m_file));
        m_store = std::make_unique<Store>();
        QVERIFY(m_store->open(m_path));
    }

    void cleanup() { m_store.reset(); }

    void withNothingAddedItIsTheBuiltInCatalog()
    {
        const ModelCatalog& builtin = BuiltinCatalog::get();
        QVERIFY(!builtin.isEmpty());
        const ModelCatalog catalog = loaded();
        QCOMPARE(catalog.entries().size(), builtin.entries().size());
        QCOMPARE(canonicalOf(QStringLiteral("claude-sonnet-4.5")),
            QStringLiteral("anthropic/claude-sonnet-4.5"));
        QCOMPARE(canonicalOf(QStringLiteral("gpt-4.1")), QStringLiteral("openai/gpt-4.1"));
    }

    void anAddedModelIsFoundByEachOfItsNames()
    {
        QSignalSpy changed(m_store.get(), &Store::changed);
        const auto added = UserCatalog::addModel(*m_store, localLlama());
        QVERIFY(added);
        QCOMPARE(added->canonicalId, QStringLiteral("local/llama-3.3"));
        QCOMPARE(added->displayName, QStringLiteral("Llama at home"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().first().value<Store::Areas>(), Store::Areas(Store::Area::Models));

        const ModelCatalog catalog = loaded();
        QCOMPARE(catalog.entries().size(), BuiltinCatalog::get().entries().size() + 1);
        for (const QString& name :
            { QStringLiteral("local/llama-3.3"), QStringLiteral("LOCAL/Llama-3.3"),
                QStringLiteral("home-llama"), QStringLiteral("llama3.3:70b") }) {
            const ModelCatalog::Entry* entry = catalog.find(name);
            QVERIFY2(entry, qPrintable(name));
            QCOMPARE(entry->canonicalId, QStringLiteral("local/llama-3.3"));
        }
        const ModelCatalog::Entry* entry = catalog.find(QStringLiteral("home-llama"));
        QCOMPARE(entry->contextLength, qint64(131072));
        QVERIFY(entry->price);
        QCOMPARE(entry->price->input, 0.1);
        QCOMPARE(entry->price->output, 0.2);
        QCOMPARE(entry->price->cachedInput, 0.1); // no cached price: what any prompt token costs
    }

    void modelsAndAliasesOutliveTheConnection()
    {
        QVERIFY(UserCatalog::addModel(*m_store, localLlama()));
        QVERIFY(UserCatalog::addAlias(
            *m_store, QStringLiteral("sonnet"), QStringLiteral("anthropic/claude-sonnet-4.5")));
        m_store = std::make_unique<Store>();
        QVERIFY(m_store->open(m_path));
        QCOMPARE(canonicalOf(QStringLiteral("home-llama")), QStringLiteral("local/llama-3.3"));
        QCOMPARE(
            canonicalOf(QStringLiteral("sonnet")), QStringLiteral("anthropic/claude-sonnet-4.5"));
    }

    void addingAModelAgainReplacesIt()
    {
        QVERIFY(UserCatalog::addModel(*m_store, localLlama()));
        QJsonObject smaller = localLlama();
        smaller.insert(QStringLiteral("id"), QStringLiteral("Local/Llama-3.3")); // the same id
        smaller.insert(QStringLiteral("context_length"), 8192);
        smaller.insert(QStringLiteral("aliases"), QJsonArray { QStringLiteral("llama-small") });
        QVERIFY(UserCatalog::addModel(*m_store, smaller));
        QCOMPARE(userModelCount(), 1);
        const ModelCatalog catalog = loaded();
        QCOMPARE(catalog.entries().size(), BuiltinCatalog::get().entries().size() + 1);
        QCOMPARE(catalog.find(QStringLiteral("local/llama-3.3"))->contextLength, qint64(8192));
        QVERIFY(catalog.find(QStringLiteral("llama-small")));
        QVERIFY(!catalog.find(QStringLiteral("home-llama"))); // the old definition's alias
    }

    void theUsersDefinitionOfABuiltInModelWins()
    {
        const QJsonObject mine { { QStringLiteral("id"), QStringLiteral("openai/gpt-4.1") },
            { QStringLiteral("aliases"), QJsonArray { QStringLiteral("gpt-4.1-via-gateway") } },
            { QStringLiteral("context_length"), 32000 },
            { QStringLiteral("native_ids"),
                QJsonObject { { QStringLiteral("openai"), QStringLiteral("gpt-4.1") } } } };
        QVERIFY(UserCatalog::addModel(*m_store, mine));
        const ModelCatalog catalog = loaded();
        QCOMPARE(catalog.entries().size(), BuiltinCatalog::get().entries().size());
        const ModelCatalog::Entry* entry = catalog.find(QStringLiteral("gpt-4.1-via-gateway"));
        QVERIFY(entry);
        QCOMPARE(entry->canonicalId, QStringLiteral("openai/gpt-4.1"));
        QCOMPARE(entry->contextLength, qint64(32000));
        QVERIFY(!entry->price);
        QVERIFY(!entry->nativeIds.contains(QStringLiteral("azure")));
        // The built-in catalog itself is untouched.
        QVERIFY(
            BuiltinCatalog::get().find(QStringLiteral("openai/gpt-4.1"))->contextLength != 32000);

        // Removing the user's definition brings the built-in one back.
        const auto removed = UserCatalog::remove(*m_store, QStringLiteral("openai/gpt-4.1"));
        QVERIFY(removed);
        QVERIFY2(removed->contains(QStringLiteral("Removed the model")), qPrintable(*removed));
        const ModelCatalog after = loaded();
        QCOMPARE(after.find(QStringLiteral("openai/gpt-4.1"))->contextLength,
            BuiltinCatalog::get().find(QStringLiteral("openai/gpt-4.1"))->contextLength);
        QVERIFY(after.find(QStringLiteral("openai/gpt-4.1"))
                    ->nativeIds.contains(QStringLiteral("azure")));
        QVERIFY(!after.find(QStringLiteral("gpt-4.1-via-gateway")));
    }

    void badDefinitionsAreRefusedAndNothingIsStored_data()
    {
        QTest::addColumn<QJsonObject>("definition");
        const QJsonObject good = localLlama();
        QJsonObject object = good;
        object.remove(QStringLiteral("id"));
        QTest::newRow("no id") << object;
        object = good;
        object.insert(QStringLiteral("id"), QStringLiteral("local/*"));
        QTest::newRow("a wildcard id") << object;
        object.insert(QStringLiteral("id"), QStringLiteral("local/llama 3"));
        QTest::newRow("a space in the id") << object;
        object = good;
        object.insert(QStringLiteral("aliases"), QJsonArray { QStringLiteral("llama?") });
        QTest::newRow("a wildcard alias") << object;
        object.insert(QStringLiteral("aliases"), QJsonArray { QString() });
        QTest::newRow("an empty alias") << object;
        object = good;
        object.insert(QStringLiteral("native_ids"),
            QJsonObject { { QStringLiteral("openai"), QStringLiteral("gpt<4>") } });
        QTest::newRow("a native id with angle brackets") << object;
        object = good;
        object.insert(QStringLiteral("context_length"), QStringLiteral("128k"));
        QTest::newRow("a context length in words") << object;
        object.insert(QStringLiteral("context_length"), -1);
        QTest::newRow("a negative context length") << object;
        object = good;
        object.insert(QStringLiteral("pricing"), QJsonObject { { QStringLiteral("input"), -0.5 } });
        QTest::newRow("a negative price") << object;
        object.insert(QStringLiteral("pricing"),
            QJsonObject { { QStringLiteral("output"), QStringLiteral("$2") } });
        QTest::newRow("a price in words") << object;
    }

    void badDefinitionsAreRefusedAndNothingIsStored()
    {
        QFETCH(QJsonObject, definition);
        QSignalSpy changed(m_store.get(), &Store::changed);
        const auto added = UserCatalog::addModel(*m_store, definition);
        QVERIFY(!added);
        QCOMPARE(added.failure().kind, FailureKind::InvalidInput);
        QVERIFY(!added.failure().message.isEmpty());
        QCOMPARE(userModelCount(), 0);
        QCOMPARE(changed.count(), 0);
    }

    void aModelMayNotTakeAnotherModelsName_data()
    {
        QTest::addColumn<QJsonObject>("definition");
        QTest::addColumn<QString>("owner");
        QJsonObject object = localLlama();
        object.insert(
            QStringLiteral("aliases"), QJsonArray { QStringLiteral("claude-sonnet-4.5") });
        QTest::newRow("a built-in alias")
            << object << QStringLiteral("anthropic/claude-sonnet-4.5");
        object.insert(QStringLiteral("aliases"), QJsonArray { QStringLiteral("GPT-4.1") });
        QTest::newRow("a built-in native id") << object << QStringLiteral("openai/gpt-4.1");
        object = localLlama();
        object.insert(QStringLiteral("id"), QStringLiteral("claude-opus-4.5"));
        QTest::newRow("an id that is an alias")
            << object << QStringLiteral("anthropic/claude-opus-4.5");
        object.insert(
            QStringLiteral("id"), QStringLiteral("anthropic.claude-haiku-4-5-20251001-v1:0"));
        QTest::newRow("an id that is a native id")
            << object << QStringLiteral("anthropic/claude-haiku-4.5");
    }

    void aModelMayNotTakeAnotherModelsName()
    {
        QFETCH(QJsonObject, definition);
        QFETCH(QString, owner);
        const auto added = UserCatalog::addModel(*m_store, definition);
        QVERIFY(!added);
        QCOMPARE(added.failure().kind, FailureKind::Conflict);
        QVERIFY2(added.failure().message.contains(owner), qPrintable(added.failure().message));
        QCOMPARE(userModelCount(), 0);
    }

    void aModelMayNotTakeAUsersAlias()
    {
        QVERIFY(UserCatalog::addAlias(
            *m_store, QStringLiteral("home-llama"), QStringLiteral("gpt-4o")));
        const auto added = UserCatalog::addModel(*m_store, localLlama());
        QVERIFY(!added);
        QCOMPARE(added.failure().kind, FailureKind::Conflict);
        QVERIFY2(added.failure().message.contains(QStringLiteral("openai/gpt-4o")),
            qPrintable(added.failure().message));
    }

    void anAliasNamesTheModelByItsCanonicalId()
    {
        QSignalSpy changed(m_store.get(), &Store::changed);
        // Named by a native id: stored under the canonical one.
        QVERIFY(UserCatalog::addAlias(
            *m_store, QStringLiteral("fast"), QStringLiteral("gpt-4.1-mini")));
        QCOMPARE(m_store->settings().modelAliases()->value(QStringLiteral("fast")),
            QStringLiteral("openai/gpt-4.1-mini"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(canonicalOf(QStringLiteral("fast")), QStringLiteral("openai/gpt-4.1-mini"));
        QCOMPARE(canonicalOf(QStringLiteral("FAST")), QStringLiteral("openai/gpt-4.1-mini"));
    }

    void anAliasMayNameAUsersModel()
    {
        QVERIFY(UserCatalog::addModel(*m_store, localLlama()));
        QVERIFY(
            UserCatalog::addAlias(*m_store, QStringLiteral("llama"), QStringLiteral("home-llama")));
        QCOMPARE(canonicalOf(QStringLiteral("llama")), QStringLiteral("local/llama-3.3"));
    }

    void anAliasOfTheModelsOwnNameIsAccepted()
    {
        QVERIFY(UserCatalog::addAlias(*m_store, QStringLiteral("claude-sonnet-4-5"),
            QStringLiteral("anthropic/claude-sonnet-4.5")));
        QVERIFY(UserCatalog::addAlias(
            *m_store, QStringLiteral("sonnet"), QStringLiteral("claude-sonnet-4.5")));
        QVERIFY(UserCatalog::addAlias(
            *m_store, QStringLiteral("Sonnet"), QStringLiteral("claude-sonnet-4.5")));
        QCOMPARE(m_store->settings().modelAliases()->size(), 2);
    }

    void badAliasesAreRefused_data()
    {
        QTest::addColumn<QString>("alias");
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("kind");
        const auto invalid = int(FailureKind::InvalidInput);
        const auto taken = int(FailureKind::Conflict);
        QTest::newRow("empty") << QString() << QStringLiteral("gpt-4o") << invalid;
        QTest::newRow("blank") << QStringLiteral("   ") << QStringLiteral("gpt-4o") << invalid;
        QTest::newRow("a star") << QStringLiteral("gpt-*") << QStringLiteral("gpt-4o") << invalid;
        QTest::newRow("a question mark")
            << QStringLiteral("gpt-?") << QStringLiteral("gpt-4o") << invalid;
        QTest::newRow("a space") << QStringLiteral("my model") << QStringLiteral("gpt-4o")
                                 << invalid;
        QTest::newRow("an unknown model")
            << QStringLiteral("mine") << QStringLiteral("nobody/knows") << invalid;
        QTest::newRow("another model's id")
            << QStringLiteral("openai/gpt-4.1") << QStringLiteral("gpt-4o") << taken;
        QTest::newRow("another model's alias")
            << QStringLiteral("claude-opus-4.5") << QStringLiteral("gpt-4o") << taken;
        QTest::newRow("another model's native id")
            << QStringLiteral("gemini-2.5-flash") << QStringLiteral("gpt-4o") << taken;
    }

    void badAliasesAreRefused()
    {
        QFETCH(QString, alias);
        QFETCH(QString, model);
        QFETCH(int, kind);
        const Result<void> added = UserCatalog::addAlias(*m_store, alias, model);
        QVERIFY(!added);
        QCOMPARE(int(added.failure().kind), kind);
        QVERIFY(!added.failure().message.isEmpty());
        QVERIFY(m_store->settings().modelAliases()->isEmpty());
    }

    void anAliasCannotBeMovedToAnotherModel()
    {
        QVERIFY(UserCatalog::addAlias(*m_store, QStringLiteral("best"), QStringLiteral("gpt-4o")));
        const Result<void> moved = UserCatalog::addAlias(
            *m_store, QStringLiteral("BEST"), QStringLiteral("claude-opus-4.5"));
        QVERIFY(!moved);
        QCOMPARE(moved.failure().kind, FailureKind::Conflict);
        QCOMPARE(canonicalOf(QStringLiteral("best")), QStringLiteral("openai/gpt-4o"));
        // Removed first, it can.
        QVERIFY(UserCatalog::remove(*m_store, QStringLiteral("best")));
        QVERIFY(UserCatalog::addAlias(
            *m_store, QStringLiteral("best"), QStringLiteral("claude-opus-4.5")));
        QCOMPARE(canonicalOf(QStringLiteral("best")), QStringLiteral("anthropic/claude-opus-4.5"));
    }

    void aliasesWithSpacesAroundThemResolve()
    {
        // ModelPattern::parse accepts " sonnet " (it trims); the alias must then resolve as the
        // name the user meant, or be refused.
        const Result<void> added = UserCatalog::addAlias(
            *m_store, QStringLiteral(" sonnet "), QStringLiteral("claude-sonnet-4.5"));
        QVERIFY(!added || canonicalOf(QStringLiteral("sonnet")) == u"anthropic/claude-sonnet-4.5");
    }

    void removeSaysWhatItRemoved()
    {
        QVERIFY(UserCatalog::addModel(*m_store, localLlama()));
        QVERIFY(UserCatalog::addAlias(
            *m_store, QStringLiteral("sonnet"), QStringLiteral("claude-sonnet-4.5")));
        QSignalSpy changed(m_store.get(), &Store::changed);

        const auto alias = UserCatalog::remove(*m_store, QStringLiteral("SONNET"));
        QVERIFY(alias);
        QCOMPARE(*alias, QStringLiteral("Removed the alias \"SONNET\"."));
        QVERIFY(canonicalOf(QStringLiteral("sonnet")).isEmpty());
        // The model the alias named stays.
        QCOMPARE(canonicalOf(QStringLiteral("claude-sonnet-4.5")),
            QStringLiteral("anthropic/claude-sonnet-4.5"));

        const auto model = UserCatalog::remove(*m_store, QStringLiteral("local/llama-3.3"));
        QVERIFY(model);
        QCOMPARE(*model, QStringLiteral("Removed the model local/llama-3.3."));
        QVERIFY(canonicalOf(QStringLiteral("home-llama")).isEmpty());
        QCOMPARE(userModelCount(), 0);
        QVERIFY(changed.count() >= 2);
    }

    void builtInModelsAndUnknownNamesCannotBeRemoved()
    {
        QVERIFY(UserCatalog::addModel(*m_store, localLlama()));
        for (const QString& name : { QStringLiteral("openai/gpt-4.1"),
                 QStringLiteral("claude-sonnet-4.5"), QStringLiteral("nobody/knows"),
                 // a user model's own alias is part of its definition, not an alias of the user's
                 QStringLiteral("home-llama") }) {
            const auto removed = UserCatalog::remove(*m_store, name);
            QVERIFY2(!removed, qPrintable(name));
            QCOMPARE(removed.failure().kind, FailureKind::InvalidInput);
            QVERIFY2(
                removed.failure().message.contains(name), qPrintable(removed.failure().message));
        }
        QCOMPARE(userModelCount(), 1);
        QCOMPARE(loaded().entries().size(), BuiltinCatalog::get().entries().size() + 1);
    }

    void anAliasOfARemovedModelNoLongerResolves()
    {
        QVERIFY(UserCatalog::addModel(*m_store, localLlama()));
        QVERIFY(UserCatalog::addAlias(
            *m_store, QStringLiteral("llama"), QStringLiteral("local/llama-3.3")));
        QVERIFY(UserCatalog::remove(*m_store, QStringLiteral("local/llama-3.3")));
        // The catalog still loads; the alias names nothing now.
        QVERIFY(UserCatalog::load(*m_store));
        QVERIFY(canonicalOf(QStringLiteral("llama")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestUserCatalog)
#include "TestUserCatalog.moc"
