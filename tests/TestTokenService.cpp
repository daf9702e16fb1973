#include "app/AwaitTask.h"
#include "app/access/TokenService.h"
#include "app/store/AccessStore.h"
#include "app/store/Store.h"
#include "app/vault/Vault.h"
#include "router/access/LocalKeyToken.h"
#include "tests/support/TestKeychain.h"

#include <QTemporaryDir>
#include <QTest>

class TestTokenService : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    Vault m_vault;
    std::unique_ptr<TokenService> m_tokens;

private slots:
    void init()
    {
        m_store = std::make_unique<Store>();
        QVERIFY(m_store->open(
            m_dir.filePath(QStringLiteral("%1.db").arg(QTest::currentTestFunction()))));
        m_tokens = std::make_unique<TokenService>(*m_store, m_vault);
    }

    void createStoresTheHashAndKeepsThePlaintextInTheKeychain()
    {
        const auto created = awaitTask(m_tokens->create({}, {}, QStringLiteral("aider")));
        QVERIFY(created);
        QVERIFY(LocalKeyToken::isWellFormed(created->token));
        const LocalApiKey stored = *m_store->access().localKey(created->localKey.id);
        QCOMPARE(stored.tokenHash, LocalKeyToken::hash(created->token));
        QCOMPARE(stored.tokenHint, QStringLiteral("kw-…") + created->token.right(4));
        QCOMPARE(stored.memberId, m_store->access().memberByName(QStringLiteral("me"))->id);
        QCOMPARE(
            stored.workspaceId, m_store->access().workspaceByName(QStringLiteral("Personal"))->id);
        QCOMPARE(stored.name, QStringLiteral("aider"));
        QCOMPARE(TestKeychain::secret(stored.secretRef), created->token);
        QCOMPARE(*awaitTask(m_tokens->reveal(stored.id)), created->token);
    }

    void createChecksMemberAndWorkspace()
    {
        const QStringList before = TestKeychain::accounts();
        QCOMPARE(awaitTask(m_tokens->create(QStringLiteral("ghost"), {}, {})).failure().kind,
            FailureKind::InvalidInput);
        QCOMPARE(awaitTask(m_tokens->create({}, QStringLiteral("Nowhere"), {})).failure().kind,
            FailureKind::InvalidInput);
        QCOMPARE(
            awaitTask(m_tokens->create({}, {}, QStringLiteral("bad\x1b[2Jname"))).failure().kind,
            FailureKind::InvalidInput);
        QCOMPARE(TestKeychain::accounts(), before);
        QVERIFY(m_store->access().localKeys()->isEmpty());
        QVERIFY(m_store->access().insertMember(QStringLiteral("ci-bot")));
        QVERIFY(m_store->access().insertWorkspace(QStringLiteral("Acme prod")));
        const auto created = awaitTask(
            m_tokens->create(QStringLiteral("ci-bot"), QStringLiteral("Acme prod"), {}));
        QVERIFY(created);
        QCOMPARE(created->localKey.memberId,
            m_store->access().memberByName(QStringLiteral("ci-bot"))->id);
    }

    void authenticatesOnlyTheRightActiveToken()
    {
        const auto first = awaitTask(m_tokens->create({}, {}, {}));
        const auto second = awaitTask(m_tokens->create({}, {}, {}));
        QVERIFY(first && second);
        const auto who = m_tokens->authenticate(second->token);
        QVERIFY(who);
        QCOMPARE(who->id, second->localKey.id);
        const QDateTime firstUse = m_store->access().localKey(second->localKey.id)->lastUsedAt;
        QVERIFY(!firstUse.isNull());
        QVERIFY(m_tokens->authenticate(second->token));
        QCOMPARE(m_store->access().localKey(second->localKey.id)->lastUsedAt,
            firstUse); // kept to the minute
        QVERIFY(m_store->access().localKey(first->localKey.id)->lastUsedAt.isNull());

        QString nearMiss = second->token;
        nearMiss[10] = nearMiss.at(10) == u'A' ? u'B' : u'A';
        QCOMPARE(m_tokens->authenticate(nearMiss).failure().kind, FailureKind::NotFound);
        QCOMPARE(m_tokens->authenticate(u"kw-short").failure().kind, FailureKind::NotFound);
        QCOMPARE(m_tokens->authenticate(u"").failure().kind, FailureKind::NotFound);
    }

    void revokingRefusesTheTokenAndDropsThePlaintext()
    {
        const auto created = awaitTask(m_tokens->create({}, {}, {}));
        const LocalApiKey key = created->localKey;
        const auto revoked = awaitTask(m_tokens->revoke(key.id));
        QVERIFY(revoked);
        QVERIFY(revoked->isEmpty()); // no warning
        QVERIFY(m_store->access().localKey(key.id)->isRevoked());
        QVERIFY(!TestKeychain::accounts().contains(key.secretRef));
        QCOMPARE(m_tokens->authenticate(created->token).failure().kind, FailureKind::NotFound);
        QCOMPARE(awaitTask(m_tokens->reveal(key.id)).failure().kind, FailureKind::InvalidInput);
        QCOMPARE(awaitTask(m_tokens->revoke(4242)).failure().kind, FailureKind::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestTokenService)
#include "TestTokenService.moc"
