#include "app/AppCore.h"
#include "app/AwaitTask.h"
#include "app/store/KeyStore.h"
#include "app/store/SettingsStore.h"
#include "app/store/Store.h"
#include "ui/keys/KeyFilterDialog.h"
#include "ui/widgets/TagEdit.h"

#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The filter editor on a real app core: tags checked as they are added, the preview following
// the model patterns with the planner's rules, and the filters stored on save. One core for
// all: QtKeychain serves one thread per process.
class TestKeyFilterDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<AppCore> m_core;
    ProviderKey m_openAi;
    ProviderKey m_fallback;

    ProviderKey addKey(const QString& label, Tier tier)
    {
        KeyFields fields;
        fields.label = label;
        fields.tier = tier;
        const Result<ProviderKey> added = awaitTask(
            m_core->addKey(QStringLiteral("openai"), fields, QStringLiteral("sk-test-0123456789")));
        return added ? *added : ProviderKey();
    }
    ProviderKey storedKey(qint64 id)
    {
        auto keys = m_store->keys().all();
        for (const ProviderKey& key : keys ? *keys : QList<ProviderKey>()) {
            if (key.id == id)
                return key;
        }
        return {};
    }
    static void type(TagEdit* tags, const QString& text)
    {
        tags->input()->setFocus();
        QTest::keyClicks(tags->input(), text);
        QTest::keyClick(tags->input(), Qt::Key_Return);
    }

private slots:
    void initTestCase()
    {
        const QString path = m_dir.filePath(QStringLiteral("filters.db"));
        m_store = std::make_unique<Store>();
        QVERIFY(m_store->open(path));
        QVERIFY(m_store->settings().setValue(QStringLiteral("port"), QStringLiteral("0")));
        m_core = std::make_unique<AppCore>(path);
        QSignalSpy started(m_core.get(), &AppCore::started);
        m_core->start();
        QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 15000);
        m_openAi = addKey(QStringLiteral("Work OpenAI"), Tier::Prioritized);
        m_fallback = addKey(QStringLiteral("Spare OpenAI"), Tier::Fallback);
        QVERIFY(m_openAi.id > 0 && m_fallback.id > 0);
        QVERIFY(awaitTask(m_core->addMember(QStringLiteral("ci-bot"))));
        QVERIFY(
            awaitTask(m_core->createToken(QStringLiteral("laptop"), QStringLiteral("ci-bot"), {})));
        QTRY_VERIFY_WITH_TIMEOUT(m_core->localKeys().size() == 1, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(m_core->members().size() == 2, 15000);
    }
    void cleanupTestCase()
    {
        m_core.reset();
        m_store.reset();
    }

    void thePreviewFollowsTheModelPatterns()
    {
        KeyFilterDialog dialog(*m_core, m_openAi);
        dialog.show();
        // No filter: every catalog model an OpenAI key can reach, and nothing else.
        const QStringList everything = dialog.previewedModels();
        QVERIFY(everything.contains(QStringLiteral("openai/gpt-4.1")));
        QVERIFY(!everything.contains(QStringLiteral("anthropic/claude-sonnet-4.5")));

        type(dialog.models(), QStringLiteral("openai/gpt-4.1*"));
        QCOMPARE(dialog.models()->tags(), QStringList { "openai/gpt-4.1*" });
        QCOMPARE(dialog.previewedModels(),
            (QStringList { "openai/gpt-4.1", "openai/gpt-4.1-mini", "openai/gpt-4.1-nano" }));
        QVERIFY(dialog.result() != QDialog::Accepted); // Return added a tag, did not save

        // A pattern no model id could match is refused with the reason.
        type(dialog.models(), QStringLiteral("gpt 4"));
        QCOMPARE(dialog.models()->tags(), QStringList { "openai/gpt-4.1*" });
        QVERIFY2(!dialog.models()->problem().isEmpty(), "no reason given");

        // A pattern for another vendor's models: this key serves none of them.
        dialog.models()->input()->clear();
        type(dialog.models(), QStringLiteral("anthropic/*"));
        QCOMPARE(dialog.previewedModels().size(), 3);
        dialog.models()->removeTag(QStringLiteral("openai/gpt-4.1*"));
        QVERIFY(dialog.previewedModels().isEmpty());

        // Backspace in the empty line takes the last tag off.
        QTest::keyClick(dialog.models()->input(), Qt::Key_Backspace);
        QVERIFY(dialog.models()->tags().isEmpty());
        QCOMPARE(dialog.previewedModels(), everything);
    }

    void membersAndLocalKeysMustExist()
    {
        KeyFilterDialog dialog(*m_core, m_openAi);
        dialog.show();
        QVERIFY(!dialog.members()->addTag(QStringLiteral("nobody")));
        QVERIFY(dialog.members()->problem().contains(u"nobody"));
        QVERIFY(dialog.members()->addTag(QStringLiteral("ci-bot")));
        QVERIFY(dialog.members()->problem().isEmpty());
        QVERIFY(!dialog.localKeys()->addTag(QStringLiteral("laptop")));
        const QString tag
            = QStringLiteral("laptop (%1)").arg(m_core->localKeys().first().tokenHint);
        QVERIFY(dialog.localKeys()->addTag(tag));
    }

    void savesTheFilters()
    {
        KeyFilterDialog dialog(*m_core, m_openAi);
        dialog.show();
        type(dialog.models(), QStringLiteral("openai/gpt-4.1"));
        // Typed and not yet a tag: Save takes it too.
        dialog.models()->input()->setText(QStringLiteral("gpt-4o*"));
        QVERIFY(dialog.members()->addTag(QStringLiteral("ci-bot")));
        const LocalApiKey laptop = m_core->localKeys().first();
        QVERIFY(dialog.localKeys()->addTag(QStringLiteral("laptop (%1)").arg(laptop.tokenHint)));
        auto* shared = dialog.findChild<QComboBox*>(QStringLiteral("shared-capacity"));
        QVERIFY(shared->isEnabled());
        shared->setCurrentIndex(shared->findData(int(SharedCapacityPolicy::NeverForProvider)));
        dialog.accept();
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 15000);

        const ProviderKey stored = storedKey(m_openAi.id);
        QCOMPARE(stored.filters.modelPatterns, (QStringList { "openai/gpt-4.1", "gpt-4o*" }));
        QCOMPARE(stored.filters.localKeyIds, QList<qint64> { laptop.id });
        QCOMPARE(stored.filters.memberIds.size(), 1);
        QCOMPARE(stored.sharedCapacity, SharedCapacityPolicy::NeverForProvider);

        // Reopened, it shows what is stored.
        KeyFilterDialog again(*m_core, stored);
        QCOMPARE(again.models()->tags(), stored.filters.modelPatterns);
        QCOMPARE(again.members()->tags(), QStringList { "ci-bot" });
        QCOMPARE(again.localKeys()->tags().size(), 1);
    }

    void onlyAPrioritizedKeyDecidesOnSharedCapacity()
    {
        KeyFilterDialog dialog(*m_core, m_fallback);
        QVERIFY(!dialog.findChild<QComboBox*>(QStringLiteral("shared-capacity"))->isEnabled());
        type(dialog.models(), QStringLiteral("gpt-5"));
        dialog.accept();
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 15000);
        QCOMPARE(storedKey(m_fallback.id).filters.modelPatterns, QStringList { "gpt-5" });
    }
};

QTEST_MAIN(TestKeyFilterDialog)
#include "TestKeyFilterDialog.moc"
