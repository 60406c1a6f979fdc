package fr.tissu.api;
