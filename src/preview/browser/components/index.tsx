import { type Controller, createController } from '@remote-ui/react/host';
import { type ComponentType, type ReactNode } from 'react';

import { type PreviewComponentName } from '../component-names';
import { Button, ButtonRow, Link, LoadingButton } from './buttons';
import { BarChart } from './charts';
import {
  Alert,
  EmptyState,
  ErrorState,
  LoadingSpinner,
  ProgressBar,
  Statistics,
  StatisticsItem,
  StatusTag,
  Tag,
} from './feedback';
import { DateInput, Input, NumberInput, Select, TextArea, ToggleGroup } from './inputs';
import { Box, Divider, Flex, Heading, Text, Tile } from './layout';
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from './table';

/** What remote-ui's controller hands its renderer: a component given the props the extension sent, as sent. */
type RemoteComponent = ReturnType<Controller['get']>;

const COMPONENTS: Record<PreviewComponentName, RemoteComponent> = {
  Alert,
  BarChart,
  Box,
  Button,
  ButtonRow,
  DateInput,
  Divider,
  EmptyState,
  ErrorState,
  Flex,
  Heading,
  Input,
  Link,
  LoadingButton,
  LoadingSpinner,
  NumberInput,
  ProgressBar,
  Select,
  Statistics,
  StatisticsItem,
  StatusTag,
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHead,
  TableHeader,
  TableRow,
  Tag,
  Text,
  TextArea,
  Tile,
  ToggleGroup,
};

type RemoteProps = { children?: ReactNode };

const unsupported = new Map<string, ComponentType<RemoteProps>>();

/** A component the preview cannot draw is shown as such, with what it wraps: never silently left out. */
const unsupportedComponent = (type: string): ComponentType<RemoteProps> => {
  const known = unsupported.get(type);
  if (known) return known;
  const Unsupported = ({ children }: RemoteProps) => (
    <div className="preview-unsupported" role="note">
      <p className="preview-unsupported__title">Unsupported component {type}</p>
      <p className="preview-unsupported__hint">The local preview cannot draw it; HubSpot can. Its content:</p>
      {children}
    </div>
  );
  unsupported.set(type, Unsupported);
  return Unsupported;
};

const isDrawn = (type: string): type is PreviewComponentName => Object.hasOwn(COMPONENTS, type);
const componentFor = (type: string) => (isDrawn(type) ? COMPONENTS[type] : unsupportedComponent(type));

/** Draws the extension's remote tree: HubSpot's components as DOM, anything else as "unsupported". */
export const controller: Controller = {
  ...createController({}),
  get: (type) => componentFor(String(type)),
};
