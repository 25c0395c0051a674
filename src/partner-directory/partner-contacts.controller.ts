import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/allow.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { ApiErrorResponses } from '../http/api-error-responses';
import { ParseUuidParamPipe } from '../http/uuid-path-param.pipe';
import { CreatePartnerContactDto } from './dto/create-partner-contact.dto';
import { ListPartnerContactsQueryDto } from './dto/list-partner-contacts-query.dto';
import { UpdatePartnerContactDto } from './dto/update-partner-contact.dto';
import { FieldChangeModel, PartnerContactDetailModel, PartnerContactViewModel } from './partner-contact-view.model';
import { PartnerContactsService } from './partner-contacts.service';

const contactId = new ParseUuidParamPipe();

const MALFORMED = 'A field of the body or query, or the id in the path, is malformed, or the body has a field it does not know; `fields` names each.';
const UNKNOWN_CONTACT = 'No contact point has this id.';
const TAKEN = 'The partner already has an active contact point for this region (or an active national desk); the reason names it.';
const ContactIdParam = () => ApiParam({ name: 'id', format: 'uuid', description: 'The contact point id.' });

/** HTTP routes for the partners' contact points: coordinators keep them, auditors read them. */
@ApiTags('partner-contacts')
@ApiExtraModels(FieldChangeModel)
@Controller('partner-contacts')
export class PartnerContactsController {
  constructor(private readonly contacts: PartnerContactsService) {}

  @ApiOperation({ summary: 'List the contact points by partner, national desk first, then by region' })
  @Allow('coordinator', 'auditor')
  @Get()
  @ApiOkResponse({ type: PartnerContactViewModel, isArray: true, description: 'The contact points that match the filters.' })
  @ApiErrorResponses({ 400: MALFORMED })
  list(@Query() query: ListPartnerContactsQueryDto) {
    return this.contacts.list(query);
  }

  @ApiOperation({ summary: 'Show a contact point with every change made to it' })
  @Allow('coordinator', 'auditor')
  @Get(':id')
  @ContactIdParam()
  @ApiOkResponse({ type: PartnerContactDetailModel, description: 'The contact point and its changes, oldest first.' })
  @ApiErrorResponses({ 400: MALFORMED, 404: UNKNOWN_CONTACT })
  get(@Param('id', contactId) id: string) {
    return this.contacts.get(id);
  }

  @ApiOperation({ summary: 'Add a contact point; the change is recorded with the caller as its maker' })
  @Allow('coordinator')
  @Post()
  @ApiCreatedResponse({ type: PartnerContactDetailModel, description: 'The new contact point, active, at version 1.' })
  @ApiErrorResponses({ 400: `${MALFORMED} Also when it has neither an e-mail address nor a phone number.`, 409: TAKEN })
  create(@Body() dto: CreatePartnerContactDto, @CurrentPrincipal() principal: Principal) {
    return this.contacts.create(dto, principal);
  }

  @ApiOperation({ summary: "Change a contact point's name, addresses or language, made on the version given" })
  @Allow('coordinator')
  @Patch(':id')
  @ContactIdParam()
  @ApiOkResponse({ type: PartnerContactDetailModel, description: 'The contact point as changed; unchanged, and nothing recorded, when the body changes nothing.' })
  @ApiErrorResponses({
    400: `${MALFORMED} Also when it would leave neither an e-mail address nor a phone number.`, 404: UNKNOWN_CONTACT,
    409: 'The contact point has moved past the version given, or has been deactivated.',
  })
  update(@Param('id', contactId) id: string, @Body() dto: UpdatePartnerContactDto, @CurrentPrincipal() principal: Principal) {
    return this.contacts.update(id, dto, principal);
  }

  @ApiOperation({ summary: 'Deactivate a contact point; it is kept, with its changes, but no message goes to it any more' })
  @Allow('coordinator')
  @Delete(':id')
  @ContactIdParam()
  @ApiOkResponse({ type: PartnerContactDetailModel, description: 'The contact point, inactive.' })
  @ApiErrorResponses({ 400: MALFORMED, 404: UNKNOWN_CONTACT, 409: 'The contact point was deactivated already.' })
  deactivate(@Param('id', contactId) id: string, @CurrentPrincipal() principal: Principal) {
    return this.contacts.deactivate(id, principal);
  }
}
