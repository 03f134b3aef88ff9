#!/usr/bin/env bash
# A case from referral to closure, as the README shows it. Needs curl and jq, a running server and three
# tokens:
#   export SIGHTLINE_URL=http://127.0.0.1:3000
#   export SCHOOL_TOKEN=$(sightline token --sub bitterne-park --role referrer)
#   export MANAGER_TOKEN=$(sightline token --sub mary --role manager)
#   export OFFICER_TOKEN=$(sightline token --sub olive --role officer)
set -euo pipefail
: "${SIGHTLINE_URL:?}" "${SCHOOL_TOKEN:?}" "${MANAGER_TOKEN:?}" "${OFFICER_TOKEN:?}"
TODAY=$(TZ=Europe/London date +%F)

# post TOKEN PATH JSON: prints the response body; fails on any status but 2xx
post() {
  curl -fsS -X POST "$SIGHTLINE_URL$2" -H "Authorization: Bearer $1" \
    -H 'Content-Type: application/json' -H "Idempotency-Key: $(uuidgen 2>/dev/null || cat /proc/sys/kernel/random/uuid)" \
    -d "$3"
}

# 1. A school's deletion return: the parent has written that they will home educate. An EHE case opens.
CASE=$(post "$SCHOOL_TOKEN" /v1/deletion-returns '{
  "school": { "name": "Bitterne Park School", "urn": "116453" },
  "previousSchoolType": "la_maintained",
  "pupil": { "givenName": "Amelia", "familyName": "Walker", "dateOfBirth": "2013-04-12", "sex": "F",
             "address": { "lines": ["12 Cobden Avenue"], "town": "Southampton", "postcode": "SO18 1FZ" } },
  "parentsCarers": [{ "name": "Jo Walker", "relationship": "mother", "livesWithChild": true, "phone": "023 8000 0000",
                     "address": { "lines": ["12 Cobden Avenue"], "town": "Southampton", "postcode": "SO18 1FZ" } }],
  "deletedOn": "'"$TODAY"'",
  "ground": "f_parent_notice_education_otherwise",
  "primaryReason": { "code": "school_dissatisfaction_bullying" }
}' | jq -r '.case.caseId')
echo "opened EHE case $CASE"

# 2. The co-ordinator allocates it.
post "$MANAGER_TOKEN" "/v1/cases/$CASE/allocation" \
  '{ "officerId": "olive", "allocatedOn": "'"$TODAY"'" }' | jq -c '{revision, events: [.events[].type]}'

# 3. The officer phones the family: first contact, which stops the first-contact clock.
post "$OFFICER_TOKEN" "/v1/cases/$CASE/contacts" \
  '{ "attemptedOn": "'"$TODAY"'", "method": "phone", "outcome": "contact_made" }' | jq -c '[.events[].type]'

# 4. A visit, offered, accepted and held.
post "$OFFICER_TOKEN" "/v1/cases/$CASE/visits" \
  '{ "visitId": "v1", "offeredOn": "'"$TODAY"'", "proposedFor": "'"$TODAY"'", "location": "home" }' >/dev/null
post "$OFFICER_TOKEN" "/v1/cases/$CASE/visits/acceptances" '{ "visitId": "v1", "acceptedOn": "'"$TODAY"'" }' >/dev/null
post "$OFFICER_TOKEN" "/v1/cases/$CASE/visits/held" \
  '{ "visitId": "v1", "heldOn": "'"$TODAY"'", "notes": "Met Amelia and her mother.", "outcome": "satisfactory" }' \
  | jq -c '[.events[].type]'

# 5. Amelia goes back to school, and the co-ordinator closes the case.
post "$OFFICER_TOKEN" "/v1/cases/$CASE/return-to-school" \
  '{ "school": { "name": "Cantell School" }, "startDate": "'"$TODAY"'" }' | jq -c '[.events[].type]'
post "$MANAGER_TOKEN" "/v1/cases/$CASE/closure" \
  '{ "closedOn": "'"$TODAY"'", "reason": "returned_to_school" }' | jq -c '{revision, events: [.events[].type]}'

# 6. The full history, as an auditor or the co-ordinator sees it.
curl -fsS "$SIGHTLINE_URL/v1/cases/$CASE/events" -H "Authorization: Bearer $MANAGER_TOKEN" \
  | jq -r '.events[] | "\(.revision) \(.type) by \(.metadata.actor)"'
