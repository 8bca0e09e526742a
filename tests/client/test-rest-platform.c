/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "cf-http-client.h"
#include "cf-rest-platform.h"

/* CfRestPlatform against a SoupServer in this process that answers what
 * each test scripts: faults, delays, odd bodies. */

typedef struct
{
  guint status;
  const char *body;
  const char *retry_after;  /* or NULL */
  gboolean hang;            /* never answer */
  const char *location;     /* or NULL */
  goffset announced;        /* a Content-Length announced, then nothing sent */
} Answer;

typedef struct
{
  SoupServer *server;
  CfRestPlatform *platform;
  GMainLoop *loop;
  GAsyncResult *result;
  const Answer *answers;    /* one per request, the last one repeated */
  guint n_answers;
  guint n_requests;
  GPtrArray *idempotency_keys;
  GPtrArray *if_none_match;
  GPtrArray *authorizations;
  char *user_agent;
  GPtrArray *hanging;
  GCancellable *cancel_when_hanging;  /* cancelled once a request hangs */
} Fixture;

static char *
fixture_text (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static void
record_headers (Fixture            *fixture,
                SoupMessageHeaders *headers)
{
  const char *key = soup_message_headers_get_one (headers, "Idempotency-Key");
  const char *etag = soup_message_headers_get_one (headers, "If-None-Match");
  const char *authorization = soup_message_headers_get_one (headers, "Authorization");

  g_ptr_array_add (fixture->idempotency_keys, g_strdup (key));
  g_ptr_array_add (fixture->if_none_match, g_strdup (etag));
  g_ptr_array_add (fixture->authorizations, g_strdup (authorization));
  g_free (fixture->user_agent);
  fixture->user_agent = g_strdup (soup_message_headers_get_one (headers, "User-Agent"));
}

static void
handle (SoupServer        *server,
        SoupServerMessage *message,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  Fixture *fixture = user_data;
  const Answer *answer = &fixture->answers[MIN (fixture->n_requests, fixture->n_answers - 1)];
  SoupMessageHeaders *response_headers = soup_server_message_get_response_headers (message);

  fixture->n_requests++;
  record_headers (fixture, soup_server_message_get_request_headers (message));

  /* The headers and a first byte go out; the rest never comes. */
  if (answer->announced > 0)
    {
      soup_server_message_set_status (message, answer->status, NULL);
      soup_message_headers_set_content_length (response_headers, answer->announced);
      soup_message_body_append (soup_server_message_get_response_body (message), SOUP_MEMORY_STATIC, "[", 1);
      return;
    }

  if (answer->hang)
    {
      soup_server_message_pause (message);
      g_ptr_array_add (fixture->hanging, g_object_ref (message));
      if (fixture->cancel_when_hanging != NULL)
        g_cancellable_cancel (fixture->cancel_when_hanging);
      return;
    }

  if (answer->retry_after != NULL)
    soup_message_headers_replace (response_headers, "Retry-After", answer->retry_after);
  if (answer->location != NULL)
    soup_message_headers_replace (response_headers, "Location", answer->location);
  soup_message_headers_replace (response_headers, "ETag", "\"v1\"");
  soup_server_message_set_status (message, answer->status, NULL);
  if (answer->body != NULL)
    soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY,
                                      answer->body, strlen (answer->body));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSList) uris = NULL;
  g_autoptr(SoupSession) session = cf_http_client_new_session ();
  g_autofree char *base = NULL;

  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, NULL, handle, fixture, NULL);
  g_assert_true (soup_server_listen_local (fixture->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, NULL));
  uris = soup_server_get_uris (fixture->server);
  base = g_uri_to_string (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  fixture->platform = cf_rest_platform_new (session, base);
  cf_rest_platform_set_retry_delay (fixture->platform, 10);
  fixture->loop = g_main_loop_new (NULL, FALSE);
  fixture->idempotency_keys = g_ptr_array_new_with_free_func (g_free);
  fixture->if_none_match = g_ptr_array_new_with_free_func (g_free);
  fixture->authorizations = g_ptr_array_new_with_free_func (g_free);
  fixture->hanging = g_ptr_array_new_with_free_func (g_object_unref);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  for (guint i = 0; i < fixture->hanging->len; i++)
    soup_server_message_unpause (g_ptr_array_index (fixture->hanging, i));
  g_clear_object (&fixture->platform);
  g_clear_object (&fixture->result);
  soup_server_disconnect (fixture->server);
  g_clear_object (&fixture->server);
  g_clear_pointer (&fixture->loop, g_main_loop_unref);
  g_clear_pointer (&fixture->idempotency_keys, g_ptr_array_unref);
  g_clear_pointer (&fixture->if_none_match, g_ptr_array_unref);
  g_clear_pointer (&fixture->authorizations, g_ptr_array_unref);
  g_clear_pointer (&fixture->hanging, g_ptr_array_unref);
  g_clear_pointer (&fixture->user_agent, g_free);
}

static void
script (Fixture      *fixture,
        const Answer *answers,
        guint         n_answers)
{
  fixture->answers = answers;
  fixture->n_answers = n_answers;
  fixture->n_requests = 0;
}

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Fixture *fixture = user_data;

  g_set_object (&fixture->result, result);
  g_main_loop_quit (fixture->loop);
}

static GAsyncResult *
wait_for_result (Fixture *fixture)
{
  g_clear_object (&fixture->result);
  g_main_loop_run (fixture->loop);
  return fixture->result;
}

static CfCampaign *
get_campaign (Fixture       *fixture,
              GCancellable  *cancellable,
              GError       **error)
{
  cf_platform_get_campaign_async (CF_PLATFORM (fixture->platform), "7", cancellable, done_cb, fixture);
  return cf_platform_get_campaign_finish (CF_PLATFORM (fixture->platform), wait_for_result (fixture), error);
}

static void
test_server_error_then_success (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *campaign_json = fixture_text ("campaign.json");
  const Answer answers[] = {
    { 500, "{\"error\": {\"code\": \"internal\", \"message\": \"boom\"}}" },
    { 503, NULL },
    { 200, campaign_json },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCampaign) campaign = NULL;

  script (fixture, answers, G_N_ELEMENTS (answers));
  campaign = get_campaign (fixture, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cf_campaign_get_title (campaign), ==, "wena wrist");
  g_assert_cmpuint (fixture->n_requests, ==, 3);
  g_assert_true (g_str_has_prefix (fixture->user_agent, "Crowdfund/" PACKAGE_VERSION));
}

static void
test_server_error_gives_up (Fixture       *fixture,
                            gconstpointer  data)
{
  const Answer answers[] = { { 502, NULL } };
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCampaign) campaign = NULL;

  script (fixture, answers, G_N_ELEMENTS (answers));
  campaign = get_campaign (fixture, NULL, &error);

  g_assert_null (campaign);
  g_assert_error (error, CF_PLATFORM_ERROR, CF_PLATFORM_ERROR_SERVER);
  g_assert_cmpuint (fixture->n_requests, ==, 4);  /* the first try and three retries */
}

static void
test_rate_limited_waits (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *campaign_json = fixture_text ("campaign.json");
  const Answer answers[] = {
    { 429, "{\"error\": {\"code\": \"rate_limited\", \"message\": \"slow down\"}}", "1" },
    { 200, campaign_json },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCampaign) campaign = NULL;
  gint64 started = g_get_monotonic_time ();

  script (fixture, answers, G_N_ELEMENTS (answers));
  campaign = get_campaign (fixture, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (campaign);
  g_assert_cmpuint (fixture->n_requests, ==, 2);
  g_assert_cmpint (g_get_monotonic_time () - started, >=, G_USEC_PER_SEC);
}

static void
test_timeout (Fixture       *fixture,
              gconstpointer  data)
{
  const Answer answers[] = { { 0, NULL, NULL, TRUE } };
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCredentials) credentials = NULL;
  gint64 started = g_get_monotonic_time ();

  script (fixture, answers, G_N_ELEMENTS (answers));
  cf_rest_platform_set_timeout (fixture->platform, 1);
  cf_platform_sign_in_async (CF_PLATFORM (fixture->platform), "backer", "secret", NULL, done_cb, fixture);
  credentials = cf_platform_sign_in_finish (CF_PLATFORM (fixture->platform),
                                            wait_for_result (fixture), &error);

  g_assert_null (credentials);
  g_assert_error (error, CF_PLATFORM_ERROR, CF_PLATFORM_ERROR_TIMED_OUT);
  g_assert_cmpuint (fixture->n_requests, ==, 1);  /* signing in is not retried */
  g_assert_cmpint (g_get_monotonic_time () - started, <, 5 * G_USEC_PER_SEC);
}

static void
test_invalid_json (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *campaign_json = fixture_text ("campaign.json");
  g_autofree char *truncated = g_strndup (campaign_json, strlen (campaign_json) / 2);
  const char *bodies[] = {
    "<html>Service page</html>",
    truncated,
    "{\"id\": 7}",
    "[]",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      const Answer answers[] = { { 200, bodies[i] } };
      g_autoptr(GError) error = NULL;
      g_autoptr(CfCampaign) campaign = NULL;

      script (fixture, answers, G_N_ELEMENTS (answers));
      cf_platform_set_credentials (CF_PLATFORM (fixture->platform), NULL);
      campaign = get_campaign (fixture, NULL, &error);

      g_assert_null (campaign);
      g_assert_error (error, CF_PLATFORM_ERROR, CF_PLATFORM_ERROR_INVALID_RESPONSE);
      g_assert_cmpstr (error->message, !=, "");
    }
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  const Answer answers[] = { { 0, NULL, NULL, TRUE } };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCampaign) campaign = NULL;

  script (fixture, answers, G_N_ELEMENTS (answers));
  fixture->cancel_when_hanging = cancellable;
  campaign = get_campaign (fixture, cancellable, &error);

  g_assert_null (campaign);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (fixture->n_requests, ==, 1);
}

static void
test_not_modified (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *campaign_json = fixture_text ("campaign.json");
  const Answer answers[] = { { 200, campaign_json }, { 304, NULL } };
  g_autoptr(CfCampaign) first = NULL;
  g_autoptr(CfCampaign) second = NULL;

  script (fixture, answers, G_N_ELEMENTS (answers));
  first = get_campaign (fixture, NULL, NULL);
  second = get_campaign (fixture, NULL, NULL);

  g_assert_nonnull (second);
  g_assert_true (first != second);
  g_assert_cmpstr (cf_campaign_get_title (second), ==, "wena wrist");
  g_assert_null (g_ptr_array_index (fixture->if_none_match, 0));
  g_assert_cmpstr (g_ptr_array_index (fixture->if_none_match, 1), ==, "\"v1\"");
}

static CfPledge *
pledge (Fixture     *fixture,
        const char  *key,
        GError     **error)
{
  CfPledgeRequest request = { "31", { 37500, "JPY" }, "FR" };

  cf_platform_create_pledge_async (CF_PLATFORM (fixture->platform), "7", &request, key, NULL,
                                   done_cb, fixture);
  return cf_platform_create_pledge_finish (CF_PLATFORM (fixture->platform),
                                           wait_for_result (fixture), error);
}

/* A pledge whose answer was lost is sent again with the same key, so the
 * platform can recognise it and never charge twice. */
static void
test_pledge_retry_keeps_key (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *pledge_json = fixture_text ("pledge.json");
  const Answer answers[] = { { 503, NULL }, { 0, NULL, NULL, TRUE }, { 201, pledge_json } };
  g_autofree char *key = cf_platform_new_idempotency_key ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CfPledge) created = NULL;

  script (fixture, answers, G_N_ELEMENTS (answers));
  cf_rest_platform_set_timeout (fixture->platform, 1);
  created = pledge (fixture, key, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cf_pledge_get_id (created), ==, "501");
  g_assert_cmpuint (fixture->n_requests, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (g_ptr_array_index (fixture->idempotency_keys, i), ==, key);
}

static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  const struct
  {
    guint status;
    const char *code;
    CfPlatformError expected;
  } cases[] = {
    { 422, "reward_sold_out", CF_PLATFORM_ERROR_SOLD_OUT },
    { 422, "below_minimum", CF_PLATFORM_ERROR_BELOW_MINIMUM },
    { 422, "campaign_not_live", CF_PLATFORM_ERROR_NOT_LIVE },
    { 409, "already_backed", CF_PLATFORM_ERROR_ALREADY_BACKED },
    { 422, "no_shipping_to_country", CF_PLATFORM_ERROR_NO_SHIPPING },
    { 422, "currency_mismatch", CF_PLATFORM_ERROR_CURRENCY_MISMATCH },
    { 403, "forbidden", CF_PLATFORM_ERROR_FORBIDDEN },
    { 404, "not_found", CF_PLATFORM_ERROR_NOT_FOUND },
    { 400, "invalid_grant", CF_PLATFORM_ERROR_INVALID_CREDENTIALS },
    { 422, "something_new", CF_PLATFORM_ERROR_REFUSED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"error\": {\"code\": \"%s\", \"message\": \"no\"}}",
                                               cases[i].code);
      const Answer answers[] = { { cases[i].status, body } };
      g_autoptr(GError) error = NULL;
      g_autoptr(CfPledge) refused = NULL;

      script (fixture, answers, G_N_ELEMENTS (answers));
      refused = pledge (fixture, "key", &error);

      g_assert_null (refused);
      g_assert_error (error, CF_PLATFORM_ERROR, (int) cases[i].expected);
      g_assert_cmpstr (error->message, !=, "no");
      g_assert_cmpuint (fixture->n_requests, ==, 1);
    }
}

static void
count_cb (CfPlatform *platform,
          guint      *count)
{
  (*count)++;
}

/* Credentials whose access token "old" the scripted server treats as expired. */
static void
sign_in_with_old_token (Fixture *fixture,
                        guint   *changes)
{
  g_autoptr(JsonNode) node = json_from_string (
    "{\"access_token\": \"old\", \"refresh_token\": \"r\", \"token_type\": \"Bearer\", \"expires_in\": 3600}", NULL);
  g_autoptr(CfCredentials) old = cf_credentials_new_from_json (node, NULL);

  g_signal_connect (fixture->platform, "credentials-changed", G_CALLBACK (count_cb), changes);
  cf_platform_set_credentials (CF_PLATFORM (fixture->platform), old);
}

/* An expired access token is renewed once, silently, and the request sent
 * again with the new one. */
static void
test_renews_expired_token (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *campaign_json = fixture_text ("campaign.json");
  const Answer answers[] = {
    { 401, "{\"error\": {\"code\": \"invalid_token\", \"message\": \"expired\"}}" },
    { 200, "{\"access_token\": \"new\", \"refresh_token\": \"r\", \"token_type\": \"Bearer\", \"expires_in\": 3600}" },
    { 200, campaign_json },
  };
  g_autoptr(CfCredentials) renewed = NULL;
  g_autoptr(CfCampaign) campaign = NULL;
  guint changes = 0;

  sign_in_with_old_token (fixture, &changes);
  script (fixture, answers, G_N_ELEMENTS (answers));
  campaign = get_campaign (fixture, NULL, NULL);
  renewed = cf_platform_dup_credentials (CF_PLATFORM (fixture->platform));

  g_assert_nonnull (campaign);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpstr (cf_credentials_get_access_token (renewed), ==, "new");
  g_assert_cmpstr (g_ptr_array_index (fixture->authorizations, 0), ==, "Bearer old");
  g_assert_null (g_ptr_array_index (fixture->authorizations, 1));
  g_assert_cmpstr (g_ptr_array_index (fixture->authorizations, 2), ==, "Bearer new");

  /* Nothing of the renewal is left holding the platform, once what was
   * already due has run. */
  g_clear_object (&campaign);
  g_clear_object (&fixture->result);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_object_add_weak_pointer (G_OBJECT (fixture->platform), (gpointer *) &fixture->platform);
  g_object_unref (fixture->platform);
  g_assert_null (fixture->platform);
}

static void
test_refused_renewal_signs_out (Fixture       *fixture,
                                gconstpointer  data)
{
  const Answer answers[] = {
    { 401, "{\"error\": {\"code\": \"invalid_token\", \"message\": \"expired\"}}" },
    { 400, "{\"error\": {\"code\": \"invalid_grant\", \"message\": \"revoked\"}}" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCampaign) campaign = NULL;
  guint changes = 0;

  sign_in_with_old_token (fixture, &changes);
  script (fixture, answers, G_N_ELEMENTS (answers));
  campaign = get_campaign (fixture, NULL, &error);

  g_assert_error (error, CF_PLATFORM_ERROR, CF_PLATFORM_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_null (cf_platform_dup_credentials (CF_PLATFORM (fixture->platform)));
  g_assert_cmpuint (fixture->n_requests, ==, 2);
}

static void
expect_invalid_campaign (Fixture    *fixture,
                         const char *body)
{
  const Answer answers[] = { { 200, body } };
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCampaign) campaign = NULL;

  script (fixture, answers, G_N_ELEMENTS (answers));
  campaign = get_campaign (fixture, NULL, &error);
  g_assert_null (campaign);
  g_assert_error (error, CF_PLATFORM_ERROR, CF_PLATFORM_ERROR_INVALID_RESPONSE);
}

/* Nesting that would overflow json-glib's stack in the worker is refused
 * before a tree is built. */
static void
test_deep_nesting (Fixture       *fixture,
                   gconstpointer  data)
{
  GString *deep = g_string_new (NULL);
  g_autofree char *body = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, ']');
  body = g_string_free (deep, FALSE);
  expect_invalid_campaign (fixture, body);
  expect_invalid_campaign (fixture, "{\"id\": \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"}");
}

/* An answer announced at 400 MB is not read, let alone parsed; a page of
 * 100 000 items is refused. */
static void
test_oversized_answers (Fixture       *fixture,
                        gconstpointer  data)
{
  const Answer announced[] = { { 200, NULL, .announced = 400 * 1000 * 1000 } };
  GString *many = g_string_new ("{\"items\": [");
  g_autofree char *page_body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCampaign) campaign = NULL;
  g_autoptr(CfPage) page = NULL;
  gint64 started = g_get_monotonic_time ();

  script (fixture, announced, G_N_ELEMENTS (announced));
  campaign = get_campaign (fixture, NULL, &error);
  g_assert_error (error, CF_PLATFORM_ERROR, CF_PLATFORM_ERROR_INVALID_RESPONSE);
  g_assert_cmpint (g_get_monotonic_time () - started, <, 5 * G_USEC_PER_SEC);
  g_clear_error (&error);

  for (guint i = 0; i < 100000; i++)
    g_string_append (many, i ? ",{\"id\":1,\"slug\":\"a\",\"name\":\"A\"}" : "{\"id\":1,\"slug\":\"a\",\"name\":\"A\"}");
  g_string_append (many, "], \"next_cursor\": null}");
  page_body = g_string_free (many, FALSE);
  {
    const Answer answers[] = { { 200, page_body } };

    script (fixture, answers, G_N_ELEMENTS (answers));
    cf_platform_list_categories_async (CF_PLATFORM (fixture->platform), NULL, done_cb, fixture);
    page = cf_platform_list_finish (CF_PLATFORM (fixture->platform), wait_for_result (fixture), &error);
  }
  g_assert_null (page);
  g_assert_error (error, CF_PLATFORM_ERROR, CF_PLATFORM_ERROR_INVALID_RESPONSE);
}

/* A platform that hands out the same cursor again is not followed for ever. */
static void
test_repeated_cursor (Fixture       *fixture,
                      gconstpointer  data)
{
  const Answer answers[] = { { 200, "{\"items\": [], \"next_cursor\": \"again\", \"total\": null}" } };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = NULL;

  script (fixture, answers, G_N_ELEMENTS (answers));
  cf_platform_list_all_following_async (CF_PLATFORM (fixture->platform), NULL, done_cb, fixture);
  all = cf_platform_list_all_finish (CF_PLATFORM (fixture->platform), wait_for_result (fixture), &error);

  g_assert_null (all);
  g_assert_error (error, CF_PLATFORM_ERROR, CF_PLATFORM_ERROR_INVALID_RESPONSE);
  g_assert_cmpuint (fixture->n_requests, ==, 2);
}

/* "Retry-After: -5" is no reason to wait a minute. */
static void
test_negative_retry_after (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *campaign_json = fixture_text ("campaign.json");
  const Answer answers[] = {
    { 429, "{\"error\": {\"code\": \"rate_limited\", \"message\": \"slow down\"}}", "-5" },
    { 200, campaign_json },
  };
  g_autoptr(CfCampaign) campaign = NULL;
  gint64 started = g_get_monotonic_time ();

  script (fixture, answers, G_N_ELEMENTS (answers));
  campaign = get_campaign (fixture, NULL, NULL);

  g_assert_nonnull (campaign);
  g_assert_cmpint (g_get_monotonic_time () - started, <, 5 * G_USEC_PER_SEC);
}

/* A pledge answered with a redirect is not sent elsewhere as a GET, and
 * whatever the redirect's body says is not taken for the pledge. */
static void
test_no_redirect_on_pledge (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *pledge_json = fixture_text ("pledge.json");
  const Answer answers[] = { { 302, pledge_json, .location = "http://127.0.0.2:9/v1/pledges/1" } };
  g_autoptr(GError) error = NULL;
  g_autoptr(CfPledge) created = NULL;

  script (fixture, answers, G_N_ELEMENTS (answers));
  created = pledge (fixture, "k-302", &error);

  g_assert_null (created);
  g_assert_error (error, CF_PLATFORM_ERROR, CF_PLATFORM_ERROR_INVALID_RESPONSE);
  g_assert_cmpuint (fixture->n_requests, ==, 1);
}

/* Members of the wrong type are errors, never criticals (the suites run
 * with fatal criticals). */
static void
test_mistyped_members (Fixture       *fixture,
                       gconstpointer  data)
{
  const Answer error_string[] = { { 400, "{\"error\": \"x\"}" } };
  const Answer updated_object[] = { { 200, "{\"updated\": {}}" } };
  const Answer empty[] = { { 200, "" } };
  CfFulfillmentChange change = { .reward_id = "5", .status = CF_FULFILLMENT_STATUS_SHIPPED };
  g_autoptr(GError) error = NULL;
  g_autoptr(CfExchangeRates) rates = NULL;
  g_autoptr(CfCampaign) campaign = NULL;

  script (fixture, error_string, 1);
  campaign = get_campaign (fixture, NULL, &error);
  g_assert_null (campaign);
  g_assert_true (error->domain == CF_PLATFORM_ERROR);
  g_clear_error (&error);

  script (fixture, updated_object, 1);
  cf_platform_update_fulfillment_async (CF_PLATFORM (fixture->platform), "7", &change, NULL, done_cb, fixture);
  g_assert_cmpint (cf_platform_update_fulfillment_finish (CF_PLATFORM (fixture->platform),
                                                          wait_for_result (fixture), &error), <, 0);
  g_assert_error (error, CF_PLATFORM_ERROR, CF_PLATFORM_ERROR_INVALID_RESPONSE);
  g_clear_error (&error);

  script (fixture, empty, 1);
  cf_platform_get_exchange_rates_async (CF_PLATFORM (fixture->platform), NULL, done_cb, fixture);
  rates = cf_platform_get_exchange_rates_finish (CF_PLATFORM (fixture->platform), wait_for_result (fixture), &error);
  g_assert_null (rates);
  g_assert_error (error, CF_PLATFORM_ERROR, CF_PLATFORM_ERROR_INVALID_RESPONSE);
}

static void
test_unreachable (void)
{
  g_autoptr(SoupSession) session = cf_http_client_new_session ();
  g_autoptr(CfRestPlatform) platform = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, 0, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autofree char *url = NULL;
  Fixture fixture = { .loop = loop };
  g_autoptr(CfPage) page = NULL;

  /* A port that was free a moment ago and has no listener. */
  g_socket_bind (socket, any_port, TRUE, NULL);
  bound = g_socket_get_local_address (socket, NULL);
  url = g_strdup_printf ("http://127.0.0.1:%u", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_close (socket, NULL);

  platform = cf_rest_platform_new (session, url);
  cf_rest_platform_set_retry_delay (platform, 10);
  cf_platform_list_categories_async (CF_PLATFORM (platform), NULL, done_cb, &fixture);
  page = cf_platform_list_finish (CF_PLATFORM (platform), wait_for_result (&fixture), &error);

  g_assert_null (page);
  g_assert_error (error, CF_PLATFORM_ERROR, CF_PLATFORM_ERROR_NETWORK);
  g_clear_object (&fixture.result);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, test) \
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down)

  ADD ("/rest-platform/server-error-then-success", test_server_error_then_success);
  ADD ("/rest-platform/server-error-gives-up", test_server_error_gives_up);
  ADD ("/rest-platform/rate-limited-waits", test_rate_limited_waits);
  ADD ("/rest-platform/timeout", test_timeout);
  ADD ("/rest-platform/invalid-json", test_invalid_json);
  ADD ("/rest-platform/cancel", test_cancel);
  ADD ("/rest-platform/not-modified", test_not_modified);
  ADD ("/rest-platform/pledge-retry-keeps-key", test_pledge_retry_keeps_key);
  ADD ("/rest-platform/refusals", test_refusals);
  ADD ("/rest-platform/renews-expired-token", test_renews_expired_token);
  ADD ("/rest-platform/refused-renewal-signs-out", test_refused_renewal_signs_out);
  ADD ("/rest-platform/deep-nesting", test_deep_nesting);
  ADD ("/rest-platform/oversized-answers", test_oversized_answers);
  ADD ("/rest-platform/repeated-cursor", test_repeated_cursor);
  ADD ("/rest-platform/negative-retry-after", test_negative_retry_after);
  ADD ("/rest-platform/no-redirect-on-pledge", test_no_redirect_on_pledge);
  ADD ("/rest-platform/mistyped-members", test_mistyped_members);
  g_test_add_func ("/rest-platform/unreachable", test_unreachable);

  return g_test_run ();
}
