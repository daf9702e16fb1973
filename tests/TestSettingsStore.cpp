#include "app/store/SettingsStore.h"
#include "app/store/Store.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestSettingsStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_file = 0;
    std::unique_ptr<Store> m_store;

    SettingsStore& settings() { return m_store->settings(); }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_store = std::make_unique<Store>();
        QVERIFY(m_store->open(m_dir.filePath(QStringLiteral("t%1.db").arg(++m_file))));
    }

    void settingsAreSetReplacedAndRemoved()
    {
        QSignalSpy spy(m_store.get(), &Store::changed);
        QVERIFY(settings().values()->isEmpty());
        QVERIFY(settings().setValue(QStringLiteral("port"), QStringLiteral("9000")));
        QVERIFY(settings().setValue(QStringLiteral("port"), QStringLiteral("9001")));
        QVERIFY(settings().setValue(QStringLiteral("theme"), QStringLiteral("dark")));
        QCOMPARE(*settings().values(),
            (QHash<QString, QString> { { QStringLiteral("port"), QStringLiteral("9001") },
                { QStringLiteral("theme"), QStringLiteral("dark") } }));
        QVERIFY(settings().setValue(QStringLiteral("port"), std::nullopt));
        QCOMPARE(settings().values()->keys(), QStringList { QStringLiteral("theme") });
        QCOMPARE(spy.count(), 4);
        QCOMPARE(spy.last().first().value<Store::Areas>(), Store::Areas(Store::Area::Settings));
    }

    void userModelsAreSavedAndRemoved()
    {
        QSignalSpy spy(m_store.get(), &Store::changed);
        const QJsonObject first { { QStringLiteral("context"), 8192 } };
        const QJsonObject second { { QStringLiteral("context"), 32768 } };
        QVERIFY(settings().saveUserModel(QStringLiteral("local/llama"), first));
        QVERIFY(settings().saveUserModel(QStringLiteral("LOCAL/llama"), second)); // same id
        const auto models = settings().userModels();
        QVERIFY(models);
        QCOMPARE(models->size(), 1);
        QCOMPARE(models->constBegin().value(), second);
        QCOMPARE(*settings().removeUserModel(QStringLiteral("local/llama")), true);
        QCOMPARE(*settings().removeUserModel(QStringLiteral("local/llama")), false);
        QVERIFY(settings().userModels()->isEmpty());
        QCOMPARE(spy.first().first().value<Store::Areas>(), Store::Areas(Store::Area::Models));
    }

    void aliasesPointAtOneModelEach()
    {
        QVERIFY(settings().setModelAlias(QStringLiteral("fast"), QStringLiteral("gpt-4.1-mini")));
        QVERIFY(settings().setModelAlias(QStringLiteral("Fast"), QStringLiteral("haiku")));
        QCOMPARE(settings().modelAliases()->size(), 1);
        QCOMPARE(settings().modelAliases()->constBegin().value(), QStringLiteral("haiku"));
        QCOMPARE(*settings().removeModelAlias(QStringLiteral("FAST")), true);
        QCOMPARE(*settings().removeModelAlias(QStringLiteral("fast")), false);
    }
};

QTEST_GUILESS_MAIN(TestSettingsStore)
#include "TestSettingsStore.moc"
