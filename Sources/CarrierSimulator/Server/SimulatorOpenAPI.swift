/// The simulator's OpenAPI 3.1 document, served at `/openapi.yaml`. Hand-written so it reads as
/// documentation; a test checks every registered route appears in it.
enum SimulatorOpenAPI {
    static let document = #"""
    openapi: 3.1.0
    info:
      title: PortIn carrier simulator
      version: 1.0.0
      summary: A simulated partner carrier, losing carriers and toll-free RespOrg registry.
      description: |
        The partner API (`/v1/...`) is what PortIn's `HTTPCarrierGateway` speaks. The admin API
        (`/sim/...`) registers subscribers, forces outcomes, injects faults and moves the clock.
        Every route except `/health` and `/openapi.yaml` needs `Authorization: Bearer <api key>`.
        JSON is snake_case; dates are `YYYY-MM-DD`, instants ISO 8601. Events are POSTed to the
        callback URL given at start, signed with `X-PortIn-Signature: t=<unix>,v1=<hex>`
        (HMAC-SHA256 over "<t>.<body>" with the callback secret); see `webhooks`.
      license:
        name: Apache-2.0
        identifier: Apache-2.0
    servers:
      - url: http://127.0.0.1:9090
    security:
      - apiKey: []
    tags:
      - name: partner
        description: The partner-carrier API.
      - name: admin
        description: Simulator control (tests and demos).
    paths:
      /health:
        get:
          operationId: health
          summary: Liveness.
          security: []
          responses:
            "200":
              description: Up.
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      status: {type: string, const: ok}
      /openapi.yaml:
        get:
          operationId: openapi
          summary: This document.
          security: []
          responses:
            "200":
              description: The OpenAPI document.
              content:
                application/yaml:
                  schema: {type: string}
      /v1/portability:
        post:
          operationId: checkPortability
          tags: [partner]
          summary: Portability of up to 20,000 numbers, one result per number in input order.
          requestBody:
            required: true
            content:
              application/json:
                schema: {$ref: "#/components/schemas/PortabilityCheckRequest"}
          responses:
            "200":
              description: One result per number.
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/PortabilityCheckResponse"}
            "400": {$ref: "#/components/responses/BadRequest"}
            "401": {$ref: "#/components/responses/Unauthorized"}
            "413": {$ref: "#/components/responses/TooLarge"}
            "5XX": {$ref: "#/components/responses/Unavailable"}
      /v1/csr:
        post:
          operationId: customerServiceRecord
          tags: [partner]
          summary: The losing carrier's CSR for the account holding a number.
          description: Wireless carriers (and some wireline ones) release it only with the account number and PIN.
          requestBody:
            required: true
            content:
              application/json:
                schema: {$ref: "#/components/schemas/CSRRequest"}
          responses:
            "200":
              description: The CSR; the PIN never travels back.
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/CSRResponse"}
            "400": {$ref: "#/components/responses/BadRequest"}
            "401": {$ref: "#/components/responses/Unauthorized"}
            "403":
              description: Account number or PIN needed, or wrong.
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/ErrorBody"}
            "404": {$ref: "#/components/responses/NotFound"}
            "5XX": {$ref: "#/components/responses/Unavailable"}
      /v1/orders:
        post:
          operationId: submitOrder
          tags: [partner]
          summary: A new port order (version 1); idempotent by PON + version.
          parameters:
            - $ref: "#/components/parameters/IdempotencyKey"
          requestBody:
            required: true
            content:
              application/json:
                schema: {$ref: "#/components/schemas/PortOrder"}
          responses:
            "200":
              description: Received (accepted) or refused at once for its form (accepted false, every error).
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/OrderAck"}
            "400": {$ref: "#/components/responses/BadRequest"}
            "401": {$ref: "#/components/responses/Unauthorized"}
            "5XX": {$ref: "#/components/responses/Unavailable"}
      /v1/orders/{pon}/supplements:
        post:
          operationId: supplementOrder
          tags: [partner]
          summary: A supplement (corrected order, new due date); version above the current one.
          parameters:
            - $ref: "#/components/parameters/PON"
            - $ref: "#/components/parameters/IdempotencyKey"
          requestBody:
            required: true
            content:
              application/json:
                schema: {$ref: "#/components/schemas/PortOrder"}
          responses:
            "200":
              description: The supplement's acknowledgement.
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/OrderAck"}
            "400": {$ref: "#/components/responses/BadRequest"}
            "401": {$ref: "#/components/responses/Unauthorized"}
            "404": {$ref: "#/components/responses/NotFound"}
            "5XX": {$ref: "#/components/responses/Unavailable"}
      /v1/orders/{pon}/cancel:
        post:
          operationId: cancelOrder
          tags: [partner]
          summary: Cancel an order (a cancel supplement, version bumped).
          parameters:
            - $ref: "#/components/parameters/PON"
            - $ref: "#/components/parameters/IdempotencyKey"
          requestBody:
            required: true
            content:
              application/json:
                schema: {$ref: "#/components/schemas/CancelOrder"}
          responses:
            "200":
              description: Cancelled (or already cancelled).
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/OrderAck"}
            "401": {$ref: "#/components/responses/Unauthorized"}
            "404": {$ref: "#/components/responses/NotFound"}
            "409": {$ref: "#/components/responses/Conflict"}
            "5XX": {$ref: "#/components/responses/Unavailable"}
      /v1/orders/{pon}/activate:
        post:
          operationId: activateOrder
          tags: [partner]
          summary: Activate the numbers of an order on or after its FOC date.
          parameters:
            - $ref: "#/components/parameters/PON"
          requestBody:
            required: true
            content:
              application/json:
                schema: {$ref: "#/components/schemas/ActivateOrder"}
          responses:
            "200":
              description: Activated.
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/OrderAck"}
            "401": {$ref: "#/components/responses/Unauthorized"}
            "404": {$ref: "#/components/responses/NotFound"}
            "409": {$ref: "#/components/responses/Conflict"}
            "5XX": {$ref: "#/components/responses/Unavailable"}
      /sim/subscribers:
        post:
          operationId: addSubscribers
          tags: [admin]
          summary: Register explicit subscriber records (one or many); they override the generated world.
          requestBody:
            required: true
            content:
              application/json:
                schema:
                  oneOf:
                    - $ref: "#/components/schemas/SubscriberRecord"
                    - type: array
                      items: {$ref: "#/components/schemas/SubscriberRecord"}
          responses:
            "200":
              description: Registered.
              content:
                application/json:
                  schema:
                    type: object
                    required: [added]
                    properties:
                      added: {type: integer}
            "400": {$ref: "#/components/responses/BadRequest"}
            "401": {$ref: "#/components/responses/Unauthorized"}
      /sim/numbers/{number}:
        get:
          operationId: describeNumber
          tags: [admin]
          summary: What the world says about a number, including its CSR and PIN (simulated data).
          parameters:
            - name: number
              in: path
              required: true
              description: E.164, e.g. +12125550100 (URL-encode the plus as %2B).
              schema: {type: string}
          responses:
            "200":
              description: The number's description.
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/NumberDescription"}
            "401": {$ref: "#/components/responses/Unauthorized"}
      /sim/carriers:
        get:
          operationId: listCarriers
          tags: [admin]
          summary: The losing carriers and RespOrgs of the network.
          responses:
            "200":
              description: Carriers and RespOrgs.
              content:
                application/json:
                  schema:
                    type: object
                    required: [carriers, resp_orgs]
                    properties:
                      carriers:
                        type: array
                        items: {$ref: "#/components/schemas/CarrierSummary"}
                      resp_orgs:
                        type: array
                        items: {$ref: "#/components/schemas/RespOrg"}
            "401": {$ref: "#/components/responses/Unauthorized"}
      /sim/scenarios:
        post:
          operationId: addScenario
          tags: [admin]
          summary: Force an outcome for orders containing any of the numbers.
          requestBody:
            required: true
            content:
              application/json:
                schema: {$ref: "#/components/schemas/Scenario"}
          responses:
            "200": {$ref: "#/components/responses/Ok"}
            "400": {$ref: "#/components/responses/BadRequest"}
            "401": {$ref: "#/components/responses/Unauthorized"}
        delete:
          operationId: clearScenarios
          tags: [admin]
          summary: Remove every scenario.
          responses:
            "200": {$ref: "#/components/responses/Ok"}
            "401": {$ref: "#/components/responses/Unauthorized"}
      /sim/faults:
        post:
          operationId: addFault
          tags: [admin]
          summary: Inject a fault per carrier (SPID, slug or RespOrg id) or per number.
          description: |
            HTTP faults hit partner routes: `slow_ms` delays the answer; `http_5xx_count` / `http_5xx_rate`
            replace the answer with `http_status` (default 503) after the call was handled, as when an
            answer is lost on the way back (retries then meet the idempotency key).
          requestBody:
            required: true
            content:
              application/json:
                schema: {$ref: "#/components/schemas/Fault"}
          responses:
            "200": {$ref: "#/components/responses/Ok"}
            "400": {$ref: "#/components/responses/BadRequest"}
            "401": {$ref: "#/components/responses/Unauthorized"}
        delete:
          operationId: clearFaults
          tags: [admin]
          summary: Remove every fault.
          responses:
            "200": {$ref: "#/components/responses/Ok"}
            "401": {$ref: "#/components/responses/Unauthorized"}
      /sim/clock:
        get:
          operationId: clock
          tags: [admin]
          summary: The simulator's current time.
          responses:
            "200":
              description: Now.
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/ClockState"}
            "401": {$ref: "#/components/responses/Unauthorized"}
      /sim/clock/advance:
        post:
          operationId: advanceClock
          tags: [admin]
          summary: Move a manual clock forward, then run every action now due (only with --manual-clock).
          requestBody:
            required: true
            content:
              application/json:
                schema:
                  type: object
                  required: [seconds]
                  properties:
                    seconds: {type: number, minimum: 0}
          responses:
            "200":
              description: The new time.
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/ClockState"}
            "400": {$ref: "#/components/responses/BadRequest"}
            "401": {$ref: "#/components/responses/Unauthorized"}
            "409": {$ref: "#/components/responses/Conflict"}
      /sim/tick:
        post:
          operationId: tick
          tags: [admin]
          summary: Run every scheduled action due now and deliver the resulting callbacks.
          responses:
            "200":
              description: The time after the tick.
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/ClockState"}
            "401": {$ref: "#/components/responses/Unauthorized"}
      /sim/orders/{pon}:
        get:
          operationId: order
          tags: [admin]
          summary: The simulator's view of an order and every event it emitted.
          parameters:
            - $ref: "#/components/parameters/PON"
          responses:
            "200":
              description: The order.
              content:
                application/json:
                  schema: {$ref: "#/components/schemas/OrderView"}
            "401": {$ref: "#/components/responses/Unauthorized"}
            "404": {$ref: "#/components/responses/NotFound"}
    webhooks:
      carrierEvent:
        post:
          operationId: carrierEventCallback
          summary: One carrier event, POSTed to the callback URL; receivers dedupe on event_id.
          security: []
          parameters:
            - name: X-PortIn-Signature
              in: header
              required: true
              description: "t=<unix seconds>,v1=<hex HMAC-SHA256 of '<t>.<body>'>"
              schema: {type: string}
          requestBody:
            required: true
            content:
              application/json:
                schema: {$ref: "#/components/schemas/CarrierEvent"}
          responses:
            "2XX":
              description: Received; any other answer is retried with backoff.
    components:
      securitySchemes:
        apiKey:
          type: http
          scheme: bearer
          description: The API key given to carrier-sim with --api-key.
      parameters:
        PON:
          name: pon
          in: path
          required: true
          description: Purchase order number.
          schema: {type: string}
        IdempotencyKey:
          name: Idempotency-Key
          in: header
          required: false
          description: "<pon>-v<version>; a retried call with the same key never creates a second order."
          schema: {type: string}
      responses:
        Ok:
          description: Done.
          content:
            application/json:
              schema:
                type: object
                properties:
                  status: {type: string, const: ok}
        BadRequest:
          description: Unreadable or invalid request.
          content:
            application/json:
              schema: {$ref: "#/components/schemas/ErrorBody"}
        Unauthorized:
          description: Missing or wrong API key.
          content:
            application/json:
              schema: {$ref: "#/components/schemas/ErrorBody"}
        NotFound:
          description: No such order, account or number.
          content:
            application/json:
              schema: {$ref: "#/components/schemas/ErrorBody"}
        Conflict:
          description: Not possible in the order's state (e.g. activation before the FOC date).
          content:
            application/json:
              schema: {$ref: "#/components/schemas/ErrorBody"}
        TooLarge:
          description: More than 20,000 numbers.
          content:
            application/json:
              schema: {$ref: "#/components/schemas/ErrorBody"}
        Unavailable:
          description: The carrier is unavailable (or a simulated 5xx fault); retry with backoff.
          content:
            application/json:
              schema: {$ref: "#/components/schemas/ErrorBody"}
      schemas:
        ErrorBody:
          type: object
          required: [error, message]
          properties:
            error:
              type: string
              description: invalid_request, forbidden, conflict, not_found, unauthorized, too_large, unavailable, internal.
            message: {type: string}
            errors:
              type: array
              items: {$ref: "#/components/schemas/CarrierError"}
            limit: {type: integer, description: "too_large: the most numbers one call may carry."}
        CarrierError:
          type: object
          required: [code, message]
          properties:
            code: {type: string}
            field: {type: string, description: "snake_case path of the order field, e.g. service_address.street."}
            message: {type: string}
            number: {type: string}
        NumberType:
          type: string
          enum: [geographic, toll_free, premium, personal, other]
        LineType:
          type: string
          enum: [wireline, wireless, voip]
        SubscriberType:
          type: string
          enum: [business, residential]
        ServiceAddress:
          type: object
          required: [house_number, street, city, state, postal_code, country]
          properties:
            house_number: {type: string}
            street: {type: string}
            unit: {type: string}
            city: {type: string}
            state: {type: string}
            postal_code: {type: string}
            country: {type: string, description: ISO 3166 alpha-2.}
        AuthorizedPerson:
          type: object
          required: [name]
          properties:
            name: {type: string}
            title: {type: string}
            email: {type: string}
        CarrierIdentity:
          type: object
          required: [name, spid, line_type]
          properties:
            name: {type: string}
            spid: {type: string}
            ocn: {type: string}
            line_type: {$ref: "#/components/schemas/LineType"}
        PortabilityCheckRequest:
          type: object
          required: [numbers]
          properties:
            numbers:
              type: array
              maxItems: 20000
              items: {type: string}
        PortabilityCheckResponse:
          type: object
          required: [results]
          properties:
            results:
              type: array
              items: {$ref: "#/components/schemas/PortabilityResult"}
        PortabilityResult:
          type: object
          required: [number, portable, pin_required, simple_port]
          properties:
            number: {type: string}
            portable: {type: boolean}
            reason:
              type: string
              description: invalid_number, not_portable, unsupported_rate_center, disconnected, pending_port, premium_number...
            number_type: {$ref: "#/components/schemas/NumberType"}
            losing_carrier: {$ref: "#/components/schemas/CarrierIdentity"}
            rate_center: {type: string}
            region: {type: string}
            pin_required: {type: boolean}
            simple_port: {type: boolean}
            resp_org: {type: string}
        CSRRequest:
          type: object
          required: [number]
          properties:
            number: {type: string}
            account_number: {type: string}
            pin: {type: string, writeOnly: true}
        CSRResponse:
          type: object
          required: [numbers, pin_on_account, losing_carrier]
          properties:
            account_number: {type: string}
            btn: {type: string}
            subscriber_type: {$ref: "#/components/schemas/SubscriberType"}
            business_name: {type: string}
            first_name: {type: string}
            last_name: {type: string}
            authorized_name: {type: string}
            service_address: {$ref: "#/components/schemas/ServiceAddress"}
            numbers:
              type: array
              items: {type: string}
            pin_on_account: {type: boolean}
            losing_carrier: {$ref: "#/components/schemas/CarrierIdentity"}
        PortOrder:
          type: object
          required: [pon, version, porting_indicator, number_type, losing_carrier, subscriber_type, authorized_person, numbers]
          properties:
            pon: {type: string}
            version: {type: integer, minimum: 1}
            supplement_type: {type: string, enum: [cancel, due_date, other]}
            desired_due_date: {type: string, format: date}
            porting_indicator: {type: string, enum: [full, partial]}
            number_type: {$ref: "#/components/schemas/NumberType"}
            losing_carrier: {type: string, description: SPID (or RespOrg id for toll-free).}
            account_number: {type: string}
            pin: {type: string, writeOnly: true}
            btn: {type: string}
            new_btn: {type: string}
            subscriber_type: {$ref: "#/components/schemas/SubscriberType"}
            business_name: {type: string}
            first_name: {type: string}
            last_name: {type: string}
            authorized_person: {$ref: "#/components/schemas/AuthorizedPerson"}
            service_address: {$ref: "#/components/schemas/ServiceAddress"}
            numbers:
              type: array
              items: {type: string}
            new_resp_org: {type: string, description: Toll-free only.}
        CancelOrder:
          type: object
          required: [pon, version]
          properties:
            pon: {type: string}
            version: {type: integer}
        ActivateOrder:
          type: object
          required: [pon]
          properties:
            pon: {type: string}
            numbers:
              type: array
              items: {type: string}
        OrderAck:
          type: object
          required: [pon, version, order_id, accepted, errors, duplicate]
          properties:
            pon: {type: string}
            version: {type: integer}
            order_id: {type: string}
            accepted: {type: boolean}
            errors:
              type: array
              items: {$ref: "#/components/schemas/CarrierError"}
            duplicate: {type: boolean, description: This PON + version was already received; nothing new was created.}
        CarrierEvent:
          type: object
          required: [event_id, type, pon, version, occurred_at]
          properties:
            event_id: {type: string}
            type:
              type: string
              enum: [received, verified, sent_to_losing_carrier, foc, rejected, activated, cancelled, exception]
            pon: {type: string}
            version: {type: integer}
            order_id: {type: string}
            occurred_at: {type: string, format: date-time}
            foc_date: {type: string, format: date}
            numbers:
              type: array
              items:
                type: object
                required: [number]
                properties:
                  number: {type: string}
                  date: {type: string, format: date}
            errors:
              type: array
              items: {$ref: "#/components/schemas/CarrierError"}
            exception_code: {type: string}
            message: {type: string}
        SubscriberRecord:
          type: object
          required: [carrier, account_number, authorized_name, service_address, numbers]
          properties:
            carrier: {type: string, description: SPID or slug; the RespOrg id for toll-free numbers.}
            account_number: {type: string}
            pin: {type: string}
            btn: {type: string}
            subscriber_type: {$ref: "#/components/schemas/SubscriberType"}
            business_name: {type: string}
            first_name: {type: string}
            last_name: {type: string}
            authorized_name: {type: string}
            service_address: {$ref: "#/components/schemas/ServiceAddress"}
            numbers:
              type: array
              items: {type: string}
            pending_order: {type: boolean}
            pending_port_numbers:
              type: array
              items: {type: string}
            disconnected_numbers:
              type: array
              items: {type: string}
            unsupported_rate_center: {type: boolean}
            complex_features: {type: boolean}
            rate_center: {type: string}
        Scenario:
          type: object
          required: [numbers, outcome]
          properties:
            numbers:
              type: array
              items: {type: string}
            outcome: {type: string, enum: [reject, delay, no_response, fail_activation]}
            codes:
              type: array
              description: "reject: the codes to reject with."
              items: {type: string}
            business_days: {type: integer, description: "delay: extra carrier business days before answering."}
        Fault:
          type: object
          properties:
            carrier: {type: string, description: SPID, slug or RespOrg id; with numbers unset and carrier unset, everything.}
            numbers:
              type: array
              items: {type: string}
            routes:
              type: array
              description: HTTP faults only hit routes starting with one of these, e.g. /v1/orders.
              items: {type: string}
            http_5xx_count: {type: integer, description: The next N matching calls fail.}
            http_5xx_rate: {type: number, minimum: 0, maximum: 1}
            http_status: {type: integer, description: Status of failed calls (default 503).}
            slow_ms: {type: integer}
            duplicate_callbacks: {type: boolean}
            out_of_order_callbacks: {type: boolean}
            no_response: {type: boolean}
        ClockState:
          type: object
          required: [now, manual]
          properties:
            now: {type: string, format: date-time}
            manual: {type: boolean}
            next_due: {type: string, format: date-time}
        CarrierSummary:
          type: object
          required: [id, name, spid, ocn, line_type, pin_policy, foc_lead_business_days, strict]
          properties:
            id: {type: string}
            name: {type: string}
            spid: {type: string}
            ocn: {type: string}
            line_type: {$ref: "#/components/schemas/LineType"}
            pin_policy: {type: string, enum: [always, when_set, never]}
            time_zone: {type: string}
            foc_lead_business_days: {type: integer}
            response_delay_business_days:
              type: array
              items: {type: integer}
              minItems: 2
              maxItems: 2
            strict: {type: boolean}
        RespOrg:
          type: object
          required: [id, name]
          properties:
            id: {type: string}
            name: {type: string}
        OrderView:
          type: object
          required: [pon, order_id, version, status, number_type, losing_carrier, numbers, activated_numbers, events, porting_indicator, pin_received]
          properties:
            pon: {type: string}
            order_id: {type: string}
            version: {type: integer}
            status:
              type: string
              enum: [pending, rejected, foc_confirmed, activated, cancelled, no_response, activation_failed]
            number_type: {$ref: "#/components/schemas/NumberType"}
            losing_carrier: {type: string}
            numbers:
              type: array
              items: {type: string}
            foc_date: {type: string, format: date}
            activated_numbers:
              type: array
              items: {type: string}
            events:
              type: array
              items: {$ref: "#/components/schemas/CarrierEvent"}
            next_action_at: {type: string, format: date-time}
            supplement_type: {type: string, enum: [cancel, due_date, other], description: Of the latest order content.}
            porting_indicator: {type: string, enum: [full, partial]}
            btn: {type: string}
            new_btn: {type: string}
            service_address: {$ref: "#/components/schemas/ServiceAddress"}
            new_resp_org: {type: string}
            pin_received: {type: boolean, description: Whether the latest order carried a PIN (never shown).}
        NumberDescription:
          type: object
          required: [number, portability, status, explicit, pending_order]
          properties:
            number: {type: string}
            e164: {type: string}
            portability: {$ref: "#/components/schemas/PortabilityResult"}
            status: {type: string, enum: [active, disconnected, spare, unavailable, invalid, not_in_world]}
            explicit: {type: boolean}
            csr: {$ref: "#/components/schemas/CSRResponse"}
            pin: {type: string, description: The account PIN (simulated data, for tests and demos).}
            pending_order: {type: boolean}
            open_order: {type: string}
    """#
}
