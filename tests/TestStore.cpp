#include "app/store/SchemaMigrations.h"
#include "app/store/Store.h"
#include "router/access/LocalKeyToken.h"
#include "tests/support/OtherConnection.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <array>

namespace {

ProviderKey draftKey(
    const QString& label, Tier tier, SharedCapacityPolicy policy = SharedCapacityPolicy::Allow)
{
    ProviderKey key;
    key.secretRef = QStringLiteral("provider-key/") + label;
    key.providerId = QStringLiteral("openai");
    key.label = label;
    key.secretHint = QStringLiteral("sk-…abcd");
    key.tier = tier;
    key.sharedCapacity = policy;
    return key;
}

} // namespace

class TestStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;

    // The order the store reports, per tier, checking that positions are dense on the way.
    static std::array<QList<qint64>, 3> orderOf(Store& store)
    {
        std::array<QList<qint64>, 3> order;
        const auto keys = store.keys();
        if (!keys)
            return order;
        for (const ProviderKey& key : *keys) {
            auto& tier = order.at(static_cast<size_t>(key.tier));
            if (key.position != tier.size())
                qWarning() << "position gap at key" << key.id << key.position << tier.size();
            tier.append(key.id);
        }
        return order;
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path
            = m_dir.filePath(QStringLiteral("t%1.db").arg(QRandomGenerator::global()->generate()));
    }

    void migratesAnEmptyFile()
    {
        {
            Store store;
            QVERIFY(store.open(m_path));
            QCOMPARE(store.schemaVersion(), SchemaMigrations::latestVersion());
            const auto workspaces = store.workspaces();
            QVERIFY(workspaces);
            QCOMPARE(workspaces->size(), 1);
            QCOMPARE(workspaces->first().name, QStringLiteral("Personal"));
            const auto members = store.members();
            QCOMPARE(members->size(), 1);
            QCOMPARE(members->first().name, QStringLiteral("me"));
            QVERIFY(store.keys()->isEmpty());
        }
        OtherConnection raw(m_path);
        QCOMPARE(
            raw.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        for (const char* table : { "provider_keys", "local_api_keys", "key_model_filters",
                 "key_member_filters", "key_local_key_filters", "settings" }) {
            QVERIFY2(
                raw.scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = '%1'")
                               .arg(QLatin1StringView(table)))
                        .toInt()
                    == 1,
                table);
        }
        raw.close();
        // Opening again runs no step twice.
        Store again;
        QVERIFY(again.open(m_path));
        QCOMPARE(again.workspaces()->size(), 1);
    }

    void enforcesForeignKeys()
    {
        Store store;
        QVERIFY(store.open(m_path));
        ProviderKey key = draftKey(QStringLiteral("a"), Tier::Prioritized);
        key.workspaceId = 999; // no such workspace
        const auto inserted = store.insertKey(key);
        QVERIFY(!inserted);
        QCOMPARE(inserted.failure().kind, FailureKind::Conflict);
        QVERIFY(store.keys()->isEmpty());
    }

    void refusesANewerSchema()
    {
        {
            Store store;
            QVERIFY(store.open(m_path));
        }
        {
            OtherConnection raw(m_path);
            QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version = 99")));
        }
        Store store;
        const auto opened = store.open(m_path);
        QVERIFY(!opened);
        QCOMPARE(opened.failure().kind, FailureKind::Database);
        QVERIFY2(opened.failure().message.contains(QStringLiteral("newer Keyway")),
            qPrintable(opened.failure().message));
    }

    void refusesAFileThatIsNotADatabase()
    {
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray garbage(8192, Qt::Uninitialized);
        for (char& c : garbage)
            c = static_cast<char>(QRandomGenerator::global()->bounded(256));
        file.write(garbage);
        file.close();
        {
            Store store;
            const auto opened = store.open(m_path);
            QVERIFY(!opened);
            QCOMPARE(opened.failure().kind, FailureKind::Database);
            QVERIFY2(opened.failure().message.contains(QStringLiteral("not a Keyway database")),
                qPrintable(opened.failure().message));
        }
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), garbage); // left exactly as it was
    }

    void refusesAFolder()
    {
        Store store;
        const auto opened = store.open(m_dir.path());
        QVERIFY(!opened);
        QVERIFY(opened.failure().message.contains(QStringLiteral("folder")));
    }

    void keepsFiltersAndSettings()
    {
        Store store;
        QVERIFY(store.open(m_path));
        auto member = store.insertMember(QStringLiteral("ci-bot"));
        QVERIFY(member);
        ProviderKey key = draftKey(QStringLiteral("filtered"), Tier::Prioritized);
        key.filters.modelPatterns = { QStringLiteral("llama-*"), QStringLiteral("openai/gpt-4.1") };
        key.filters.memberIds = { member->id };
        key.settings.insert(QStringLiteral("region"), QStringLiteral("eu-west-1"));
        key.baseUrl = QStringLiteral("https://example.test/v1");
        const auto inserted = store.insertKey(key);
        QVERIFY(inserted);
        QCOMPARE(inserted->filters, key.filters);
        QCOMPARE(inserted->settings, key.settings);
        QCOMPARE(inserted->baseUrl, key.baseUrl);
        QVERIFY(inserted->workspaceId == std::nullopt);
        QVERIFY(inserted->createdAt.isValid());
    }

    void randomMovesKeepTheOrderDense()
    {
        Store store;
        QVERIFY(store.open(m_path));
        std::array<QList<qint64>, 3> model;
        QHash<qint64, bool> prioritizedOnly;
        auto* random = QRandomGenerator::global();
        const quint32 seed = random->generate();
        QRandomGenerator rng(seed);
        qInfo() << "seed" << seed;

        const auto addKey = [&](int n) {
            const Tier tier = allTiers.at(rng.bounded(3));
            const bool pinned = tier == Tier::Prioritized && rng.bounded(4) == 0;
            const auto inserted = store.insertKey(draftKey(QStringLiteral("k%1").arg(n), tier,
                pinned ? SharedCapacityPolicy::NeverForProvider : SharedCapacityPolicy::Allow));
            QVERIFY(inserted);
            model.at(static_cast<size_t>(tier)).append(inserted->id);
            prioritizedOnly.insert(inserted->id, pinned);
        };
        for (int i = 0; i < 15; ++i)
            addKey(i);

        for (int step = 0; step < 1500; ++step) {
            const int action = static_cast<int>(rng.bounded(20));
            QList<qint64> all;
            for (const auto& tier : model)
                all += tier;
            if (action == 0 && !all.isEmpty()) {
                const qint64 id = all.at(rng.bounded(static_cast<int>(all.size())));
                QVERIFY(store.deleteKey(id));
                for (auto& tier : model)
                    tier.removeOne(id);
            } else if (action == 1 || all.isEmpty()) {
                addKey(1000 + step);
            } else {
                const qint64 id = all.at(rng.bounded(static_cast<int>(all.size())));
                const Tier tier = allTiers.at(rng.bounded(3));
                auto& target = model.at(static_cast<size_t>(tier));
                const int othersInTarget
                    = static_cast<int>(target.size() - (target.contains(id) ? 1 : 0));
                // Sometimes out of range (-1 or past the end), sometimes "the end".
                const int position = static_cast<int>(rng.bounded(othersInTarget + 3)) - 1;
                const bool atEnd = rng.bounded(5) == 0;
                const auto moved
                    = store.moveKey(id, tier, atEnd ? std::nullopt : std::optional(position));
                const bool forbidden = tier != Tier::Prioritized && prioritizedOnly.value(id);
                const bool outOfRange = !atEnd && (position < 0 || position > othersInTarget);
                QCOMPARE(moved.ok(), !forbidden && !outOfRange);
                if (moved) {
                    for (auto& t : model)
                        t.removeOne(id);
                    target.insert(atEnd ? target.size() : position, id);
                }
            }
            const auto stored = orderOf(store);
            QVERIFY2(stored == model,
                qPrintable(QStringLiteral("step %1, seed %2").arg(step).arg(seed)));
        }
        // Positions are dense: each tier's positions are exactly 0..n-1.
        const auto keys = store.keys();
        std::array<int, 3> expectedPosition {};
        for (const ProviderKey& key : *keys)
            QCOMPARE(key.position, expectedPosition.at(static_cast<size_t>(key.tier))++);
    }

    void movingEmitsChanged()
    {
        Store store;
        QVERIFY(store.open(m_path));
        const auto a = store.insertKey(draftKey(QStringLiteral("a"), Tier::Prioritized));
        QSignalSpy spy(&store, &Store::changed);
        QVERIFY(store.moveKey(a->id, Tier::Fallback, 0));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.first().first().value<Store::Areas>(), Store::Areas(Store::Area::Keys));
        QVERIFY(!store.moveKey(a->id, Tier::Fallback, 5));
        QCOMPARE(spy.count(), 1);
    }

    void noticesAnotherConnectionWithinASecond()
    {
        Store watcher;
        QVERIFY(watcher.open(m_path));
        Store other;
        QVERIFY(other.open(m_path));
        QSignalSpy spy(&watcher, &Store::changed);
        QVERIFY(other.insertMember(QStringLiteral("alice")));
        QTRY_VERIFY_WITH_TIMEOUT(spy.count() == 1, 1000);
        QCOMPARE(spy.first().first().value<Store::Areas>(), Store::allAreas);
        QVERIFY(watcher.memberByName(QStringLiteral("alice")));
        // Its own reads do not count as changes.
        QTest::qWait(700);
        QCOMPARE(spy.count(), 1);
    }

    void aLockedDatabaseFailsClearlyAndChangesNothing()
    {
        Store store;
        QVERIFY(store.open(m_path));
        OtherConnection locker(m_path);
        QVERIFY(locker.exec(QStringLiteral("BEGIN EXCLUSIVE")));
        QElapsedTimer timer;
        timer.start();
        const auto added = store.insertMember(QStringLiteral("bob"));
        QVERIFY(!added);
        QCOMPARE(added.failure().kind, FailureKind::Database);
        QVERIFY2(added.failure().message.contains(QStringLiteral("locked")),
            qPrintable(added.failure().message));
        QVERIFY(timer.elapsed() >= Store::busyTimeoutMs - 500); // it waited before giving up
        QVERIFY(locker.exec(QStringLiteral("ROLLBACK")));
        QVERIFY(!store.memberByName(QStringLiteral("bob")));
        QVERIFY(store.insertMember(QStringLiteral("bob")));
    }

    void membersInUseCannotBeRemoved()
    {
        Store store;
        QVERIFY(store.open(m_path));
        const auto me = store.memberByName(QStringLiteral("me"));
        QCOMPARE(store.deleteMember(me->id).failure().kind, FailureKind::Conflict);
        const auto bot = store.insertMember(QStringLiteral("ci-bot"));
        QCOMPARE(
            store.insertMember(QStringLiteral("CI-BOT")).failure().kind, FailureKind::Conflict);
        QCOMPARE(store.insertMember(QStringLiteral("no spaces")).failure().kind,
            FailureKind::InvalidInput);
        ProviderKey key = draftKey(QStringLiteral("a"), Tier::Prioritized);
        key.filters.memberIds = { bot->id };
        const auto inserted = store.insertKey(key);
        QVERIFY(inserted);
        const auto refused = store.deleteMember(bot->id);
        QVERIFY(!refused);
        QVERIFY(refused.failure().message.contains(QStringLiteral("widen")));
        QVERIFY(store.deleteKey(inserted->id));
        QVERIFY(store.deleteMember(bot->id));
        QVERIFY(!store.memberByName(QStringLiteral("ci-bot")));
    }

    void revokedLocalKeysGoWithTheirOwner()
    {
        Store store;
        QVERIFY(store.open(m_path));
        const auto bot = store.insertMember(QStringLiteral("ci-bot"));
        const auto acme = store.insertWorkspace(QStringLiteral("Acme"));
        const auto insertToken = [&](const QString& name) {
            LocalApiKey draft;
            draft.tokenHash = LocalKeyToken::hash(name);
            draft.tokenHint = QStringLiteral("kw-…");
            draft.secretRef = QStringLiteral("local-key/") + name;
            draft.memberId = bot->id;
            draft.workspaceId = acme->id;
            return *store.insertLocalKey(draft);
        };
        const LocalApiKey first = insertToken(QStringLiteral("first"));
        QCOMPARE(store.deleteMember(bot->id).failure().kind, FailureKind::Conflict); // active
        QVERIFY(store.revokeLocalKey(first.id));

        // A filter that names the revoked token still holds the member back: dropping it would
        // widen the key.
        ProviderKey key = draftKey(QStringLiteral("filtered"), Tier::Prioritized);
        key.filters.localKeyIds = { first.id };
        const auto inserted = store.insertKey(key);
        QVERIFY(inserted);
        QCOMPARE(store.deleteMember(bot->id).failure().kind, FailureKind::Conflict);
        QCOMPARE(store.deleteWorkspace(acme->id).failure().kind, FailureKind::Conflict);
        QVERIFY(store.deleteKey(inserted->id));

        QVERIFY(store.deleteMember(bot->id));
        QVERIFY(store.localKeys()->isEmpty());
        QVERIFY(store.deleteWorkspace(acme->id));
    }

    void anEmptyPathIsRefused()
    {
        Store store;
        const auto opened = store.open(QString());
        QVERIFY(!opened);
        QCOMPARE(opened.failure().kind, FailureKind::Database);
    }

    void workspacesInUseCannotBeRemoved()
    {
        Store store;
        QVERIFY(store.open(m_path));
        const auto personal = store.workspaceByName(QStringLiteral("Personal"));
        QCOMPARE(store.deleteWorkspace(personal->id).failure().kind, FailureKind::Conflict);
        const auto acme = store.insertWorkspace(QStringLiteral("Acme prod"));
        QVERIFY(acme);
        ProviderKey key = draftKey(QStringLiteral("a"), Tier::Prioritized);
        key.workspaceId = acme->id;
        const auto inserted = store.insertKey(key);
        QCOMPARE(store.deleteWorkspace(acme->id).failure().kind, FailureKind::Conflict);
        QVERIFY(store.deleteKey(inserted->id));
        QVERIFY(store.deleteWorkspace(acme->id));
    }

    void localKeysAreRevokedAndTouched()
    {
        Store store;
        QVERIFY(store.open(m_path));
        LocalApiKey draft;
        draft.name = QStringLiteral("aider");
        draft.tokenHash = LocalKeyToken::hash(u"kw-x");
        draft.tokenHint = QStringLiteral("kw-…x");
        draft.secretRef = QStringLiteral("local-key/x");
        draft.memberId = store.memberByName(QStringLiteral("me"))->id;
        draft.workspaceId = store.workspaceByName(QStringLiteral("Personal"))->id;
        const auto inserted = store.insertLocalKey(draft);
        QVERIFY(inserted);
        QCOMPARE(inserted->tokenHash, draft.tokenHash);
        QVERIFY(!inserted->isRevoked());
        QVERIFY(inserted->lastUsedAt.isNull());
        const QDateTime used = QDateTime::currentDateTimeUtc();
        QVERIFY(store.touchLocalKey(inserted->id, used));
        QCOMPARE(
            store.localKey(inserted->id)->lastUsedAt.toMSecsSinceEpoch(), used.toMSecsSinceEpoch());
        QVERIFY(store.revokeLocalKey(inserted->id));
        QVERIFY(store.localKey(inserted->id)->isRevoked());
        QVERIFY(store.revokeLocalKey(inserted->id)); // again: nothing to do
        QCOMPARE(store.revokeLocalKey(12345).failure().kind, FailureKind::NotFound);
        // The same token cannot be stored twice.
        QCOMPARE(store.insertLocalKey(draft).failure().kind, FailureKind::Conflict);
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "TestStore.moc"
